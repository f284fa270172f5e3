/**
 * Values written by people, parsed in one place for the command line and for lesson manifests alike: durations
 * ({@code 500ms}, {@code 90s}, {@code 10m}, {@code 1.5h}, {@code 1d}, ISO-8601 {@code PT1M30S}), shares ({@code 2%},
 * {@code 0.02}) and date-times ({@code 2024-09-19 06:00:00}, {@code 2024-09-19}). Depends on nothing else in mvlab.
 */
package dev.mvlab.units;
