/**
 * {@code mvlab fmt}: .datasource and .pipe files laid out as Tinybird's {@code tb fmt} lays them out
 * ({@link dev.mvlab.datafileformat.DatafileFormatter}), checked to mean the same before and after through the
 * {@code datafile} parsers, written atomically ({@link dev.mvlab.datafileformat.DatafileFormat}). Depends on
 * {@code datafile}, {@code model} and {@code errors} only.
 */
package dev.mvlab.datafileformat;
