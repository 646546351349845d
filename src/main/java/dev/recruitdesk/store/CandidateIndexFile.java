package dev.recruitdesk.store;

import dev.recruitdesk.domain.OrderStatus;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory candidate index saved beside the cache at a clean close, so the next start reads one flat file
 * instead of decoding every candidate row out of H2 (seconds at 100,000 candidates, before People can paint).
 * <p>
 * The file is only trusted with the cache it was written from: it carries a random token that the cache stores in
 * the same close, and the cache forgets the token in its first write after opening. A file whose token the cache
 * does not hold (a crash after later writes, a rebuilt or replaced cache, a half-written file) is ignored and the
 * index is read from H2 as before.
 * <p>
 * Format 3 was made for the read, which runs on every start while the window builds and competes with it for two
 * cores: texts are UTF-8 with a varint length (decoded by the JDK's bulk decoder, not char by char as readUTF does),
 * and the repeated values (job titles, statuses) are written once in a table that rows refer to by number. At
 * 100,000 candidates the file went from 23.6 to 19.2 MB, and the CPU time of the thread that reads it, up to People's
 * first paint, from 240-280 to 160-170 ms (the bench's People child; the rest of the start competes for the same two
 * cores).
 */
final class CandidateIndexFile {

    private static final int MAGIC = 0x52444958; // "RDIX"
    /** 2: each row starts with the candidate's row number (schema V4). 3: UTF-8 texts and a table of repeated ones. */
    private static final int VERSION = 3;
    /** Far longer than any stored column; a larger length means a damaged file. */
    private static final int MAX_TEXT_BYTES = 1 << 16;

    private CandidateIndexFile() {
    }

    static Path beside(Path dataDir, String databaseName) {
        return dataDir.resolve(databaseName + ".index");
    }

    /** Writes the rows under {@code token} (a temporary file moved into place, readable by the user alone). */
    static void write(Path file, String token, CandidateIndex.Row[] rows) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        }
        Map<String, Integer> shared = new LinkedHashMap<>();
        for (CandidateIndex.Row r : rows) {
            for (String v : sharedValues(r)) {
                if (v != null) {
                    shared.putIfAbsent(v, shared.size());
                }
            }
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            text(out, token);
            out.writeInt(shared.size());
            for (String v : shared.keySet()) {
                text(out, v);
            }
            out.writeInt(rows.length);
            long maxKey = 0;
            for (CandidateIndex.Row r : rows) {
                maxKey = Math.max(maxKey, r.key);
            }
            out.writeLong(maxKey);
            for (CandidateIndex.Row r : rows) {
                out.writeLong(r.key);
                text(out, r.id);
                text(out, r.nameKey);
                text(out, r.name);
                text(out, r.email);
                text(out, r.words);
                for (String v : sharedValues(r)) {
                    varint(out, v == null ? 0 : shared.get(v) + 1);
                }
                out.writeBoolean(r.updatedOn != null);
                if (r.updatedOn != null) {
                    out.writeLong(r.updatedOn.getEpochSecond());
                    out.writeInt(r.updatedOn.getNano());
                }
            }
            out.writeInt(MAGIC); // a file cut short fails here, not with half the rows
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The row's values that repeat across rows, in file order: jobs, application status, order status, kind. */
    private static String[] sharedValues(CandidateIndex.Row r) {
        return new String[]{r.jobs, r.appStatus, r.order == null ? null : r.order.raw(),
                r.kind == null ? null : r.kind.name()};
    }

    /** The rows saved under {@code token}, or empty when the file is missing, another one's, or unreadable. */
    static Optional<List<CandidateIndex.Row>> read(Path file, String token, CandidateIndex index) {
        try (Reader r = Reader.open(file, token, index)) {
            return r == null ? Optional.empty() : r.rest();
        }
    }

    /**
     * Reads a file in two steps: its header (row count, largest key) and the first rows at once, the rest when asked.
     * The rows are in the index's order, so the first ones are People's first screen: the cache shows them while
     * the rest waits until the first paint is done (see {@code CacheStore}).
     */
    static final class Reader implements AutoCloseable {
        private final Input in;
        private final CandidateIndex index;
        private final String[] shared;
        private final OrderStatus[] orders;
        private final OrderStatus.Kind[] kinds;
        private final int count;
        private final long maxKey;
        private final List<CandidateIndex.Row> rows;
        private boolean failed;

        private Reader(Input in, CandidateIndex index, String[] shared, int count, long maxKey) {
            this.in = in;
            this.index = index;
            this.shared = shared;
            // a status or kind is made once per distinct stored text, not once per row
            this.orders = new OrderStatus[shared.length];
            this.kinds = new OrderStatus.Kind[shared.length];
            this.count = count;
            this.maxKey = maxKey;
            this.rows = new ArrayList<>(Math.min(count, 1 << 20));
        }

        /** A reader past the header of the file saved under {@code token}; null when there is none to read. */
        static Reader open(Path file, String token, CandidateIndex index) {
            if (token == null || !Files.isRegularFile(file)) {
                return null;
            }
            Input in = null;
            try {
                in = new Input(Files.newInputStream(file));
                if (in.readInt() != MAGIC || in.readInt() != VERSION || !token.equals(in.text())) {
                    in.close();
                    return null;
                }
                int sharedCount = in.readInt();
                if (sharedCount < 0 || sharedCount > 4 * 1_000_000) {
                    in.close();
                    return null;
                }
                String[] shared = new String[sharedCount];
                for (int i = 0; i < sharedCount; i++) {
                    shared[i] = index.intern(in.text());
                }
                int n = in.readInt();
                long maxKey = in.readLong();
                if (n < 0) {
                    in.close();
                    return null;
                }
                return new Reader(in, index, shared, n, maxKey);
            } catch (IOException | RuntimeException e) {
                if (in != null) {
                    try {
                        in.close();
                    } catch (IOException ignored) {
                        // nothing more to do with a file being given up
                    }
                }
                return null;
            }
        }

        /** How many rows the file holds. */
        int count() {
            return count;
        }

        /** The largest row number among them (0: none). */
        long maxKey() {
            return maxKey;
        }

        /** The first {@code n} rows (fewer if the file holds fewer); empty if the file turned out unreadable. */
        List<CandidateIndex.Row> first(int n) {
            readUpTo(Math.min(n, count));
            return failed ? List.of() : List.copyOf(rows.subList(0, Math.min(n, rows.size())));
        }

        /** Every row, the end checked; empty if the file is unreadable. */
        Optional<List<CandidateIndex.Row>> rest() {
            readUpTo(count);
            try {
                return !failed && in.readInt() == MAGIC && in.atEnd() ? Optional.of(rows) : Optional.empty();
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        private void readUpTo(int n) {
            try {
                while (!failed && rows.size() < n) {
                    rows.add(row());
                }
            } catch (IOException | RuntimeException e) {
                failed = true;
            }
        }

        private CandidateIndex.Row row() throws IOException {
            long key = in.readLong();
            String id = in.text();
            String nameKey = in.text();
            String name = in.text();
            String email = in.text();
            String words = in.text();
            int jobs = in.varint() - 1;
            int appStatus = in.varint() - 1;
            int order = in.varint() - 1;
            int kind = in.varint() - 1;
            Instant updated = in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
            if (order >= 0 && orders[order] == null) {
                orders[order] = index.intern(OrderStatus.of(shared[order]));
            }
            if (kind >= 0 && kinds[kind] == null) {
                kinds[kind] = CacheStore.kind(shared[kind]);
            }
            return new CandidateIndex.Row(key, id, nameKey, name, email, jobs < 0 ? null : shared[jobs],
                    appStatus < 0 ? null : shared[appStatus], order < 0 ? null : orders[order],
                    kind < 0 ? null : kinds[kind], updated, words);
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                // read-only: nothing lost
            }
        }
    }

    /** A text as its UTF-8 length plus one (0: null) and its bytes. */
    private static void text(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            varint(out, 0);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length >= MAX_TEXT_BYTES) {
            throw new IOException("a column too long for the index file");
        }
        varint(out, b.length + 1);
        out.write(b);
    }

    private static void varint(DataOutputStream out, int v) throws IOException {
        while ((v & ~0x7F) != 0) {
            out.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    /**
     * The reading side, on a buffer of its own: the JDK's DataInputStream decodes texts one char at a time and
     * checks every byte through a virtual read, which at 500,000 texts was most of the read. Any malformed input
     * ends in a RuntimeException or IOException, which {@link #read} treats as "no file".
     */
    private static final class Input implements AutoCloseable {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 17];
        private int pos;
        private int limit;

        Input(InputStream in) {
            this.in = in;
        }

        /** Makes at least {@code n} bytes (at most the buffer) available from {@code pos}; IOException at the end. */
        private void need(int n) throws IOException {
            if (limit - pos >= n) {
                return;
            }
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
            while (limit < n) {
                int got = in.read(buf, limit, buf.length - limit);
                if (got < 0) {
                    throw new java.io.EOFException();
                }
                limit += got;
            }
        }

        boolean atEnd() throws IOException {
            if (pos < limit) {
                return false;
            }
            pos = 0;
            limit = 0;
            int got = in.read(buf, 0, buf.length);
            if (got > 0) {
                limit = got;
            }
            return got < 0;
        }

        int readInt() throws IOException {
            need(4);
            int v = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8)
                    | (buf[pos + 3] & 0xFF);
            pos += 4;
            return v;
        }

        long readLong() throws IOException {
            long hi = readInt() & 0xFFFFFFFFL;
            return (hi << 32) | (readInt() & 0xFFFFFFFFL);
        }

        boolean readBoolean() throws IOException {
            need(1);
            return buf[pos++] != 0;
        }

        int varint() throws IOException {
            int v = 0;
            for (int shift = 0; shift < 32; shift += 7) {
                need(1);
                byte b = buf[pos++];
                v |= (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw new IOException("a malformed number");
        }

        String text() throws IOException {
            int len = varint() - 1;
            if (len < 0) {
                return null;
            }
            if (len >= MAX_TEXT_BYTES) {
                throw new IOException("a malformed text length");
            }
            need(len);
            String s = new String(buf, pos, len, StandardCharsets.UTF_8);
            pos += len;
            return s;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
