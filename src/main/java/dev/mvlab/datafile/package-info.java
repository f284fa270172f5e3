/**
 * Reads a Tinybird project folder, Classic or Forward, into the {@link dev.mvlab.model} records:
 * {@link dev.mvlab.datafile.ProjectLoader#load} finds the files, reads them inside the project only, expands includes,
 * parses {@code .datasource} and {@code .pipe} files and checks what spans files. This is where datafiles are
 * validated: engines, engine parameters, node types and copy modes leave it typed, and later stages trust them.
 * Errors are {@link dev.mvlab.datafile.DatafileException}s at {@code file:line:col} with an excerpt and a hint.
 */
package dev.mvlab.datafile;
