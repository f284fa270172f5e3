package dev.mvlab.engine.host;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Confines the chDB process's file access with Linux Landlock, before clickhouse-local starts. clickhouse-local checks
 * no grant for the scalar function {@code file('/any/path')} (inside clickhouse-local ClickHouse skips that check), so
 * without this any SQL could read any file of the user, the engine's credential and mvlab's own key included. With
 * it, the process reads the system folders, the JDK, its class path and the library, and reads and writes only its
 * data, its private folder (which holds its temporary folder: {@link ChdbProcess} points {@code TMPDIR}, Java's
 * temporary folder and ClickHouse's {@code tmp_path} there) and its log folder. Neither {@code /tmp} nor
 * {@code /dev/shm} is open to it, so an engine folder under {@code /tmp} is confined too. Not applied when the user enabled the
 * {@code file} or {@code executable} access (their SQL may then reach the user's files on purpose); on a kernel
 * without Landlock the engine runs unconfined and says so in its log.
 */
final class FileSandbox {
    private static final long SYS_CREATE_RULESET = 444;
    private static final long SYS_ADD_RULE = 445;
    private static final long SYS_RESTRICT_SELF = 446;
    private static final int PR_SET_NO_NEW_PRIVS = 38;
    private static final int O_PATH_CLOEXEC = 0x200000 | 0x80000;
    private static final long EXECUTE = 1;
    private static final long READ_FILE = 1 << 2;
    private static final long READ_DIR = 1 << 3;
    private static final long FILE_RIGHTS_RW = EXECUTE | (1 << 1) | READ_FILE | (1 << 14);
    private static final long READ_ONLY = EXECUTE | READ_FILE | READ_DIR;

    private FileSandbox() {
    }

    /** The folders the process may read, and those it may also write. */
    record Rules(List<Path> readable, List<Path> writable) {
    }

    static Rules rules(Path dataDir, Path privateDir, Path library) {
        List<Path> readable = new ArrayList<>(List.of(Path.of("/usr"), Path.of("/lib"), Path.of("/lib64"),
                Path.of("/bin"), Path.of("/sbin"), Path.of("/etc"), Path.of("/proc"), Path.of("/sys"),
                Path.of("/dev/urandom"), Path.of("/dev/random"), Path.of("/dev/zero"),
                Path.of(System.getProperty("java.home")), library.toAbsolutePath().getParent()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            readable.add(Path.of(entry).toAbsolutePath());
        }
        List<Path> writable = List.of(dataDir.toAbsolutePath(), privateDir.toAbsolutePath(),
                dataDir.toAbsolutePath().getParent().resolve("logs"), Path.of("/dev/null"));
        return new Rules(readable, writable);
    }

    /** Applies the rules to this process; returns what happened, for the log. */
    static String apply(Rules rules) {
        NativeLibrary libc = NativeLibrary.getInstance("c");
        Function syscall = libc.getFunction("syscall");
        long abi = syscall.invokeLong(new Object[]{SYS_CREATE_RULESET, null, 0L, 1L});
        if (abi < 1) {
            return "Landlock is not available on this kernel: SQL's file() can read any file of this user";
        }
        long handled = (1L << 13) - 1 | (abi >= 2 ? 1L << 13 : 0) | (abi >= 3 ? 1L << 14 : 0);
        Memory attr = new Memory(8);
        attr.setLong(0, handled);
        int ruleset = (int) syscall.invokeLong(new Object[]{SYS_CREATE_RULESET, attr, 8L, 0L});
        if (ruleset < 0) {
            return "Landlock refused a ruleset: SQL's file() can read any file of this user";
        }
        Function open = libc.getFunction("open");
        Function close = libc.getFunction("close");
        for (Path path : rules.readable()) {
            allow(syscall, open, close, ruleset, path, READ_ONLY & handled);
        }
        for (Path path : rules.writable()) {
            allow(syscall, open, close, ruleset, path, handled);
        }
        libc.getFunction("prctl").invokeInt(new Object[]{PR_SET_NO_NEW_PRIVS, 1L, 0L, 0L, 0L});
        long restricted = syscall.invokeLong(new Object[]{SYS_RESTRICT_SELF, (long) ruleset, 0L});
        close.invokeInt(new Object[]{ruleset});
        return restricted == 0 ? "files confined with Landlock (ABI " + abi + ") to the engine's folders"
                : "Landlock restriction failed: SQL's file() can read any file of this user";
    }

    private static void allow(Function syscall, Function open, Function close, int ruleset, Path path, long rights) {
        if (!Files.exists(path)) {
            return;
        }
        long access = Files.isDirectory(path) ? rights : rights & FILE_RIGHTS_RW;
        int fd = open.invokeInt(new Object[]{path.toString(), O_PATH_CLOEXEC});
        if (fd < 0) {
            return;
        }
        Memory beneath = new Memory(12);
        beneath.setLong(0, access);
        beneath.setInt(8, fd);
        syscall.invokeLong(new Object[]{SYS_ADD_RULE, (long) ruleset, 1L, beneath, 0L});
        close.invokeInt(new Object[]{fd});
    }
}
