/**
 * The immutable model of a parsed Tinybird project: {@link dev.mvlab.model.Project}, its data sources, pipes,
 * nodes, columns and typed engine specs, each element with the {@link dev.mvlab.model.SourceLocation} it came from, and
 * the warnings found while reading it. Records only; no I/O and no dependency on another mvlab package.
 */
package dev.mvlab.model;
