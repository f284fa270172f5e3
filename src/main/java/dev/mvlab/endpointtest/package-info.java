/**
 * {@code mvlab test}: a Tinybird Forward project's {@code tests/*.yaml} run as {@code tb test run} runs them. A
 * throw-away {@link dev.mvlab.endpointtest.TestEnvironment} (a database of its own, the project applied, the
 * {@code fixtures/} loaded), each test's endpoint called through {@code serve.PipeCall} (what {@code mvlab serve}
 * answers), compared row by row ({@code ResultComparison}); {@code --update} rewrites the expectations
 * ({@link dev.mvlab.endpointtest.ExpectationUpdate}). Sits beside {@code lesson}: depends on serve, deploy, render,
 * graph, datafile, yaml, clickhouse, model.
 */
package dev.mvlab.endpointtest;
