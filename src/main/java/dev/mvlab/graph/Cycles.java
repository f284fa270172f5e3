package dev.mvlab.graph;

import dev.mvlab.errors.MvlabException;
import dev.mvlab.model.Project;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds and reports a cycle in the data flow, e.g. {@code a --> a_mv --> b --> b_mv --> a}. */
final class Cycles {
    private Cycles() {
    }

    /**
     * @param upstream what feeds each object
     * @param sorted   the objects a topological sort could place; every other one is on or after a cycle
     */
    static MvlabException error(Project project, Map<String, ProjectObject> objects, Map<String, Set<String>> upstream,
                                List<String> sorted) {
        Set<String> stuck = new HashSet<>(objects.keySet());
        sorted.forEach(stuck::remove);
        String start = objects.keySet().stream().filter(stuck::contains).findFirst().orElseThrow();
        List<String> cycle = findCycle(start, upstream, stuck);
        // cycle is in upstream direction; print it in the direction data flows
        List<String> flow = new ArrayList<>(cycle);
        java.util.Collections.reverse(flow);
        int first = 0;
        for (int i = 0; i < flow.size(); i++) {
            if (objects.get(flow.get(i)).kind() != ObjectKind.TABLE) {
                first = i;
                break;
            }
        }
        List<String> rotated = new ArrayList<>(flow.subList(first, flow.size()));
        rotated.addAll(flow.subList(0, first));
        rotated.add(rotated.get(0));
        ProjectObject pipe = objects.get(rotated.get(0));
        return GraphErrors.at(project.root(), pipe.location(), "cycle in the data flow: "
                        + String.join(" --> ", rotated),
                "a materialized view must not feed, directly or through other views, a table it reads");
    }

    /** Walks upstream from a stuck node until a node repeats; returns the loop (without repeating its start). */
    private static List<String> findCycle(String start, Map<String, Set<String>> upstream, Set<String> stuck) {
        List<String> path = new ArrayList<>();
        String current = start;
        while (!path.contains(current)) {
            path.add(current);
            current = upstream.get(current).stream().filter(stuck::contains).findFirst().orElseThrow();
        }
        return path.subList(path.indexOf(current), path.size());
    }
}
