/**
 * The dependency graph of a parsed project ({@link dev.mvlab.graph.GraphBuilder#build} gives a
 * {@link dev.mvlab.graph.ProjectGraph}): one object per data source, inline target, service table and pipe, what each
 * reads and writes, the apply and drop orders (decided here, never in templates), cycles as errors, and the lineage
 * as text or Mermaid.
 */
package dev.mvlab.graph;
