package dev.mvlab.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A bar chart drawn in the page (by Chartist, as SVG): one label per group of bars and one series per colour.
 * A null value draws no bar.
 *
 * @param title     what the chart shows
 * @param unit      the unit of the values (shown with the title)
 * @param labels    the groups (keys, or the two sides of a comparison)
 * @param series    the series, in legend order; each has one value per label
 * @param distribute true when each label is its own series (one bar per label, each in its colour)
 */
public record Chart(String title, String unit, List<String> labels, List<Series> series, boolean distribute) {

    public record Series(String name, List<Double> values) {
        public Series {
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    public Chart {
        labels = List.copyOf(labels);
        series = List.copyOf(series);
    }

    /** How many bars the chart draws. */
    public int bars() {
        return (int) series.stream().flatMap(s -> s.values().stream()).filter(v -> v != null).count();
    }
}
