/**
 * The door of {@code mvlab serve}: what every HTTP request passes before the API's routes. It checks the
 * {@code Host} (DNS rebinding), who may fetch {@code /tokens} (loopback clients only), answers web pages the way
 * Tinybird's API does (CORS for token-authenticated calls), refuses unknown body encodings, bounds the queries each
 * token runs at once and their time, cancels a query whose client has gone, and makes every error JSON.
 * It knows Jetty and nothing of the API's routes: the serve package wires it in front of them.
 */
package dev.mvlab.serve.door;
