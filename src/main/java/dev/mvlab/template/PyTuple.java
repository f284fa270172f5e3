package dev.mvlab.template;

import java.util.List;

/** A Python tuple: an immutable list that prints with parentheses. */
record PyTuple(List<Object> items) {
}
