package dev.mvlab.verify;

import java.util.List;

/** A key that one side returns more than once (one of its rows is the one compared). */
public record DuplicateKey(Side side, List<Object> key, long rows) {
}
