package dev.mvlab.verify;

import java.util.List;

/** One value that differs between the two sides: the row's key, the column, and both values as the server sent them. */
public record ValueDifference(List<Object> key, String column, Object mvValue, Object rawValue) {
}
