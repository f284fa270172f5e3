package dev.mvlab.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/** A set of customer/product pair numbers with O(1) add, remove, contains and uniform random pick. */
final class PairSet {
    private final int[] positions; // pair -> index + 1 in members, 0 when absent
    private int[] members = new int[1024];
    private int size;

    PairSet(int universe) {
        positions = new int[universe];
    }

    boolean contains(int pair) {
        return positions[pair] != 0;
    }

    void add(int pair) {
        if (positions[pair] != 0) {
            return;
        }
        if (size == members.length) {
            members = Arrays.copyOf(members, size * 2);
        }
        members[size++] = pair;
        positions[pair] = size;
    }

    void remove(int pair) {
        int index = positions[pair] - 1;
        if (index < 0) {
            return;
        }
        int last = members[--size];
        members[index] = last;
        positions[last] = index + 1;
        positions[pair] = 0;
    }

    int size() {
        return size;
    }

    int pick(SplittableRandom random) {
        return members[random.nextInt(size)];
    }
}
