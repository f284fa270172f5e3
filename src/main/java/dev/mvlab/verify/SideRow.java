package dev.mvlab.verify;

import java.util.List;

/** A row found on one side only: its key and its other values, in the order of the comparison's value columns. */
public record SideRow(List<Object> key, List<Object> values) {
}
