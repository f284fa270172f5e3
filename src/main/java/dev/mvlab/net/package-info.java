/**
 * What the two Jetty servers of mvlab (the engine's relay in {@code engine.host} and serve's door) share about the
 * connections they serve: {@link dev.mvlab.net.ClientProbe}, whether a waiting request's client is still there.
 * Depends on Jetty only.
 */
package dev.mvlab.net;
