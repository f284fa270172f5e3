package dev.mvlab.deploy;

import java.util.List;

/**
 * How one object in the database compares with what the datafiles render.
 *
 * @param kind    what the object is (table, materialized view, view), from the files or else the server
 * @param details what differs, one readable line each (empty unless DIFFERENT)
 */
public record ObjectDiff(String name, String kind, Status status, List<String> details) {

    public enum Status {
        /** The server's definition is the one the files render. */
        SAME,
        /** The files define it; the database lacks it. */
        MISSING,
        /** The database has it; the files do not define it. */
        EXTRA,
        /** Both have it, defined differently. */
        DIFFERENT
    }
}
