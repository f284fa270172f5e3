/**
 * The errors every package throws: {@link dev.mvlab.errors.MvlabException} with a message, a hint and an
 * {@link dev.mvlab.errors.ExitCode} (0 ok, 1 verdict differs, 2 usage, 3 datafile or validation, 4 database, 5 engine
 * unavailable). Only {@code cli} turns them into output and a process exit code.
 */
package dev.mvlab.errors;
