package dev.mvlab.serve;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;

/**
 * The Events API's memory of {@code Idempotency-Key}s, kept for {@link KeyMemory#life()} (at most
 * {@link KeyMemory#maxKeys()} keys; past that the oldest are forgotten first) and across restarts.
 *
 * <p>A key is written down twice: <em>pending</em> (with the second it was first seen) before its rows are sent,
 * and <em>done</em> (with the rows stored and quarantined) once they are committed. A retry of a done key is
 * answered from here and sends nothing; a retry of a pending key (the earlier attempt failed, or serve stopped
 * while it ran) resends with the same deduplication token, derived from the key and its first second, so ClickHouse
 * keeps its rows once. A key past its life is new: new first second, new token.
 *
 * <p>On disk: an append-only file of 20-byte records (fingerprint, second, rows, quarantined) after an 8-byte magic,
 * mode 0600 in a 0700 folder, rewritten compacted (temporary file, then an atomic move) when it opens and when the
 * memory fills. A record cut short by a crash is dropped. A lock file keeps a second serve off the same file. In
 * memory: an open-addressing table of the same four values, 20 bytes a slot (about 84 MB at 2 million keys).
 * Fingerprints are 64 bits of SHA-256 over database, data source and key: the chance that two of 2 million keys
 * collide is about 1e-7.
 */
final class IdempotencyKeys implements AutoCloseable {
    private static final byte[] MAGIC = "MVLABIK1".getBytes(StandardCharsets.US_ASCII);
    private static final int RECORD = 20;
    private static final int PENDING = -1;
    /** Times are whole seconds since 2020-01-01T00:00:00Z, so that they fit an int until 2088. */
    private static final long EPOCH = 1_577_836_800L;

    private final Path file;
    private final KeyMemory memory;
    private final Clock clock;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel log;
    private long records;
    private long[] fingerprints;
    private int[] seconds;
    private int[] rows;
    private int[] quarantined;
    private int size;

    /** What is remembered of one key: when it was first seen and, once done, what its request stored. */
    record Entry(int firstSecond, int rows, int quarantined) {
        boolean pending() {
            return rows == PENDING;
        }
    }

    private IdempotencyKeys(Path file, KeyMemory memory, Clock clock, FileChannel lockChannel, FileLock lock) {
        this.file = file;
        this.memory = memory;
        this.clock = clock;
        this.lockChannel = lockChannel;
        this.lock = lock;
        allocate(1 << 10);
    }

    /** Opens (or creates) the key file; fails with a hint when another serve holds it. */
    static IdempotencyKeys open(Path file, KeyMemory memory, Clock clock) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held in this very process
            }
            if (lock == null) {
                lockChannel.close();
                throw new MvlabException(ExitCode.USAGE, "another mvlab serve keeps its idempotency keys in " + file,
                        "stop it (mvlab serve stop) or serve another database");
            }
            IdempotencyKeys keys = new IdempotencyKeys(file, memory, clock, lockChannel, lock);
            keys.load();
            keys.compact(false);
            return keys;
        } catch (IOException e) {
            throw new MvlabException(ExitCode.USAGE, "cannot open the idempotency keys " + file + ": " + e.getMessage(),
                    "check that the project folder is writable");
        }
    }

    /** The key's fingerprint: 64 bits of SHA-256 over the database, the data source and the key. */
    static long fingerprint(String database, String datasource, String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((database + "\n" + datasource + "\n" + key)
                    .getBytes(StandardCharsets.UTF_8));
            long value = ByteBuffer.wrap(hash).getLong();
            return value == 0 ? 1 : value; // 0 marks an empty slot
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The current second on this store's scale. */
    int now() {
        return (int) (clock.instant().getEpochSecond() - EPOCH);
    }

    /** The key's entry when it is remembered and within its life; else null. */
    synchronized Entry find(long fingerprint) {
        int slot = slotOf(fingerprint);
        if (fingerprints[slot] == 0 || expired(seconds[slot])) {
            return null;
        }
        return new Entry(seconds[slot], rows[slot], quarantined[slot]);
    }

    /** Writes the key down as being sent, first seen at {@code firstSecond}. */
    synchronized void pending(long fingerprint, int firstSecond) {
        put(fingerprint, firstSecond, PENDING, 0);
    }

    /** Writes the key down as done: its request stored {@code stored} rows and quarantined {@code rejected}. */
    synchronized void done(long fingerprint, int firstSecond, long stored, long rejected) {
        put(fingerprint, firstSecond, (int) Math.min(stored, Integer.MAX_VALUE), (int) Math.min(rejected,
                Integer.MAX_VALUE));
    }

    synchronized int size() {
        return size;
    }

    private boolean expired(int second) {
        return (long) second + memory.life().toSeconds() <= now();
    }

    private void put(long fingerprint, int second, int stored, int rejected) {
        int slot = slotOf(fingerprint);
        if (fingerprints[slot] == 0) {
            if (size + 1 > fingerprints.length * 0.6 || size + 1 > memory.maxKeys()) {
                compact(size + 1 > memory.maxKeys());
                slot = slotOf(fingerprint);
            }
            size++;
        }
        set(slot, fingerprint, second, stored, rejected);
        ByteBuffer record = ByteBuffer.allocate(RECORD).putLong(fingerprint).putInt(second).putInt(stored)
                .putInt(rejected).flip();
        try {
            while (record.hasRemaining()) {
                log.write(record);
            }
        } catch (IOException e) {
            throw new ApiException(503, "cannot write the idempotency key to " + file + ": " + e.getMessage());
        }
        records++;
        if (records > 4L * Math.max(size, 4096)) {
            compact(false);
        }
    }

    private void load() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(MAGIC.length);
            while (head.hasRemaining() && in.read(head) >= 0) {
                // reads the magic
            }
            if (head.position() == 0) {
                return;
            }
            if (!Arrays.equals(head.array(), MAGIC)) {
                throw new MvlabException(ExitCode.USAGE, file + " is not an mvlab idempotency key file",
                        "move it away; serve then starts with no keys remembered");
            }
            ByteBuffer buffer = ByteBuffer.allocate(RECORD * 4096);
            while (in.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.remaining() >= RECORD) {
                    long fingerprint = buffer.getLong();
                    int second = buffer.getInt();
                    int stored = buffer.getInt();
                    int rejected = buffer.getInt();
                    if (fingerprint != 0) {
                        if (size + 1 > fingerprints.length * 0.6) {
                            rehash(fingerprints.length * 2);
                        }
                        int slot = slotOf(fingerprint);
                        size += fingerprints[slot] == 0 ? 1 : 0;
                        set(slot, fingerprint, second, stored, rejected);
                    }
                }
                buffer.compact(); // a record cut short at the end stays here and is dropped
            }
        }
    }

    /**
     * Rewrites the file with the keys within their life, in the order they were first seen; when {@code makeRoom},
     * the oldest eighth of them is forgotten as well. Grows the table when the keys kept need it.
     */
    private void compact(boolean makeRoom) {
        long[] order = new long[size];
        int live = 0;
        for (int slot = 0; slot < fingerprints.length; slot++) {
            if (fingerprints[slot] != 0 && !expired(seconds[slot])) {
                order[live++] = ((long) seconds[slot] << 32) | slot;
            }
        }
        Arrays.sort(order, 0, live);
        int from = makeRoom ? live - Math.min(live, memory.maxKeys() - Math.max(1, memory.maxKeys() / 8)) : 0;
        long[] oldFingerprints = fingerprints;
        int[] oldSeconds = seconds;
        int[] oldRows = rows;
        int[] oldQuarantined = quarantined;
        int capacity = 1 << 10;
        while ((live - from + 1) > capacity * 0.45) {
            capacity <<= 1;
        }
        allocate(capacity);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            ByteBuffer buffer = ByteBuffer.allocate(RECORD * 4096);
            buffer.put(MAGIC);
            for (int i = from; i < live; i++) {
                int old = (int) order[i];
                int slot = slotOf(oldFingerprints[old]);
                set(slot, oldFingerprints[old], oldSeconds[old], oldRows[old], oldQuarantined[old]);
                if (buffer.remaining() < RECORD) {
                    write(out, buffer);
                }
                buffer.putLong(oldFingerprints[old]).putInt(oldSeconds[old]).putInt(oldRows[old])
                        .putInt(oldQuarantined[old]);
            }
            write(out, buffer);
            out.force(true);
            if (log != null) {
                log.close();
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            log = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new ApiException(503, "cannot rewrite the idempotency keys " + file + ": " + e.getMessage());
        }
        size = live - from;
        records = size;
    }

    private static void write(FileChannel out, ByteBuffer buffer) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        buffer.clear();
    }

    private void allocate(int capacity) {
        fingerprints = new long[capacity];
        seconds = new int[capacity];
        rows = new int[capacity];
        quarantined = new int[capacity];
    }

    private void rehash(int capacity) {
        long[] oldFingerprints = fingerprints;
        int[] oldSeconds = seconds;
        int[] oldRows = rows;
        int[] oldQuarantined = quarantined;
        allocate(capacity);
        for (int old = 0; old < oldFingerprints.length; old++) {
            if (oldFingerprints[old] != 0) {
                set(slotOf(oldFingerprints[old]), oldFingerprints[old], oldSeconds[old], oldRows[old],
                        oldQuarantined[old]);
            }
        }
    }

    /** The slot holding {@code fingerprint}, or the empty slot where it would go (linear probing). */
    private int slotOf(long fingerprint) {
        int mask = fingerprints.length - 1;
        int slot = (int) (fingerprint ^ (fingerprint >>> 32)) & mask;
        while (fingerprints[slot] != 0 && fingerprints[slot] != fingerprint) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void set(int slot, long fingerprint, int second, int stored, int rejected) {
        fingerprints[slot] = fingerprint;
        seconds[slot] = second;
        rows[slot] = stored;
        quarantined[slot] = rejected;
    }

    @Override
    public synchronized void close() {
        try {
            if (log != null) {
                log.force(true);
                log.close();
            }
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // the records are written; a failed sync leaves them to the operating system
        }
    }
}
