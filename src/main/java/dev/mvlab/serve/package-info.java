/**
 * A local Tinybird API on the engine, over Jetty: the Events API with quarantine and group commit, pipe endpoints
 * with parameters, the SQL API, listings and tokens ({@link dev.mvlab.serve.ApiServer}, {@link dev.mvlab.serve.ApiRoutes}).
 */
package dev.mvlab.serve;
