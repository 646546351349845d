package dev.recruitdesk.store;

import dev.recruitdesk.domain.OrderStatus;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The in-memory candidate index saved beside the cache at a clean close, so the next start reads one flat file
 * instead of decoding every candidate row out of H2 (seconds at 100,000 candidates, before People can paint).
 * <p>
 * The file is only trusted with the cache it was written from: it carries a random token that the cache stores in
 * the same close, and the cache forgets the token in its first write after opening. A file whose token the cache
 * does not hold (a crash after later writes, a rebuilt or replaced cache, a half-written file) is ignored and the
 * index is read from H2 as before.
 */
final class CandidateIndexFile {

    private static final int MAGIC = 0x52444958; // "RDIX"
    /** 2: each row starts with the candidate's row number (schema V4). */
    private static final int VERSION = 2;
    /** DataOutputStream.writeUTF takes at most 65,535 bytes; every stored column is far shorter. */
    private static final int MAX_CHARS = 20_000;

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
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(token);
            out.writeInt(rows.length);
            for (CandidateIndex.Row r : rows) {
                out.writeLong(r.key);
                text(out, r.id);
                text(out, r.nameKey);
                text(out, r.name);
                text(out, r.email);
                text(out, r.jobs);
                text(out, r.appStatus);
                text(out, r.order == null ? null : r.order.raw());
                text(out, r.kind == null ? null : r.kind.name());
                out.writeBoolean(r.updatedOn != null);
                if (r.updatedOn != null) {
                    out.writeLong(r.updatedOn.getEpochSecond());
                    out.writeInt(r.updatedOn.getNano());
                }
                text(out, r.words);
            }
            out.writeInt(MAGIC); // a file cut short fails here, not with half the rows
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The rows saved under {@code token}, or empty when the file is missing, another one's, or unreadable. */
    static Optional<List<CandidateIndex.Row>> read(Path file, String token, CandidateIndex index) {
        if (token == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION || !token.equals(in.readUTF())) {
                return Optional.empty();
            }
            int n = in.readInt();
            if (n < 0) {
                return Optional.empty();
            }
            List<CandidateIndex.Row> rows = new ArrayList<>(Math.min(n, 1 << 20));
            for (int i = 0; i < n; i++) {
                long key = in.readLong();
                String id = in.readBoolean() ? in.readUTF() : null;
                String nameKey = nextText(in);
                String name = nextText(in);
                String email = nextText(in);
                String jobs = index.intern(nextText(in));
                String appStatus = index.intern(nextText(in));
                String order = nextText(in);
                String kind = nextText(in);
                Instant updated = in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
                String words = nextText(in);
                rows.add(new CandidateIndex.Row(key, id, nameKey, name, email, jobs, appStatus,
                        order == null ? null : index.intern(OrderStatus.of(order)), CacheStore.kind(kind), updated, words));
            }
            return in.readInt() == MAGIC ? Optional.of(rows) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        if (s != null && s.length() > MAX_CHARS) {
            throw new IOException("a column too long for the index file");
        }
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String nextText(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
