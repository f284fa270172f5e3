package dev.mvlab.engine.host;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** The three C functions of libchdb.so that the engine host calls (see shared/ENGINE.md). */
interface ChdbLibrary extends Library {
    /** Must be called with {@code false} before anything else, or ClickHouse takes over SIGSEGV and the JVM dies. */
    void chdb_set_signal_handlers_enabled(boolean on);

    /** Runs a full clickhouse-local with this argv; returns a result handle. */
    Pointer chdb_query_cmdline(int argc, String[] argv);

    String chdb_result_error(Pointer result);

    static ChdbLibrary load(String libraryPath) {
        return Native.load(libraryPath, ChdbLibrary.class);
    }
}
