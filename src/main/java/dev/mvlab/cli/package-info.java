/**
 * The {@code mvlab} command line over picocli, the only package that knows picocli and the only one that prints or
 * exits: {@link dev.mvlab.cli.Main#run} is the testable entry point. Commands are thin: options, one service call,
 * printing its result; known errors become one readable message and a documented exit code.
 */
package dev.mvlab.cli;
