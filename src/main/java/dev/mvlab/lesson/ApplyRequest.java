package dev.mvlab.lesson;

import java.util.List;

/**
 * What an {@code apply} step deploys.
 *
 * @param names    data source and pipe names, as the lesson lists them
 * @param backfill true to fill new materialized views from the rows their source already holds (Tinybird's
 *                 {@code --populate}); false creates them empty, to see only future inserts
 */
public record ApplyRequest(List<String> names, boolean backfill) {
    public ApplyRequest {
        names = List.copyOf(names);
    }
}
