package dev.mvlab.render;

import dev.mvlab.graph.GraphBuilder;
import dev.mvlab.testing.Models;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void print() {
        var graph = GraphBuilder.build(Models.shop());
        var r = new SqlRenderer(new SqlTemplates());
        System.out.println(r.applyPlan(graph).script());
        System.out.println(r.dropPlan(graph).script());
        System.out.println(dev.mvlab.graph.LineageText.of(graph));
        System.out.println(dev.mvlab.graph.MermaidDiagram.of(graph));
    }
}
