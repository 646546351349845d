package dev.recruitdesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.recruitdesk.store.OutboxEntry.CandidatePayload;
import dev.recruitdesk.store.OutboxEntry.Kind;
import dev.recruitdesk.store.OutboxEntry.MovePayload;
import dev.recruitdesk.store.OutboxEntry.OrderPayload;
import dev.recruitdesk.store.OutboxEntry.Payload;
import dev.recruitdesk.store.OutboxEntry.State;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The durable outbox in the {@code state} database. Every change is committed and written to the file before the
 * method returns ({@code WRITE_DELAY=0}), so a queued write survives a crash the moment {@link #insert} is done.
 * All writes run on the database's one writer thread, so {@link #claim} is atomic: one sender per row.
 */
public final class OutboxStore implements AutoCloseable {

    public static final String NAME = "state";
    /** Rows that still have to reach SmartRecruiters (or wait for the recruiter). */
    private static final String UNSENT = "state IN ('PENDING','SENDING','FAILED')";

    private final Database db;

    private OutboxStore(Database db) {
        this.db = db;
    }

    public static OutboxStore open(Path dataDir) {
        return new OutboxStore(Database.open(dataDir, NAME, true));
    }

    /** Queues an order to be sent at once (PENDING, not held): the V1 way in, kept for its callers. */
    public void insert(String idempotencyKey, OrderPayload payload, Instant now) {
        insert(idempotencyKey, Kind.PLACE_ORDER, payload, null, false, false, now);
    }

    /**
     * Queues a write. {@code held}: only sent once the recruiter confirms. {@code sendingNow}: the caller sends it
     * itself right away, so the row starts SENDING with one attempt (written before the request goes out).
     * {@code file}: a résumé's bytes, or null.
     */
    public void insert(String idempotencyKey, Kind kind, Payload payload, byte[] file, boolean held,
                       boolean sendingNow, Instant now) {
        String json = toJson(payload);
        db.writeAndWait(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (idempotency_key, kind, state, "
                    + "candidate_id, job_id, package_id, payload_json, created_on, updated_on, attempts, held, "
                    + "file_content) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, idempotencyKey);
                ps.setString(2, kind.name());
                ps.setString(3, (sendingNow ? State.SENDING : State.PENDING).name());
                ps.setString(4, payload.candidateId());
                ps.setString(5, payload.jobId());
                ps.setString(6, payload instanceof OrderPayload o ? o.packageId() : null);
                ps.setString(7, json);
                Sql.setInstant(ps, 8, now);
                Sql.setInstant(ps, 9, now);
                ps.setInt(10, sendingNow ? 1 : 0);
                ps.setBoolean(11, held);
                ps.setBytes(12, file);
                return ps.executeUpdate();
            }
        });
    }

    /** Every PENDING row, held or not, oldest first. */
    public List<OutboxEntry> pending() {
        return select("WHERE state='PENDING' ORDER BY created_on, idempotency_key");
    }

    /** What the sender may send by itself now: PENDING and not held, oldest first. */
    public List<OutboxEntry> sendable() {
        return select("WHERE state='PENDING' AND held=FALSE ORDER BY created_on, idempotency_key");
    }

    /** Rows waiting for the recruiter's confirmation, oldest first. */
    public List<OutboxEntry> held() {
        return select("WHERE state='PENDING' AND held=TRUE ORDER BY created_on, idempotency_key");
    }

    /** Every row not yet accepted by the server (waiting, sending, held or failed), oldest first. */
    public List<OutboxEntry> unsent() {
        return select("WHERE " + UNSENT + " ORDER BY created_on, idempotency_key");
    }

    /** Orders not yet accepted by the server (waiting or failed) for one candidate, newest first. */
    public List<OutboxEntry> unsentFor(String candidateId) {
        return unsentFor(candidateId, Kind.PLACE_ORDER);
    }

    public List<OutboxEntry> unsentFor(String candidateId, Kind kind) {
        return select("WHERE candidate_id=? AND kind=? AND " + UNSENT + " ORDER BY created_on DESC",
                candidateId, kind.name());
    }

    /** Orders of this package for this application still on their way (PENDING or SENDING). */
    public List<OutboxEntry> pendingFor(String candidateId, String jobId, String packageId) {
        return select("WHERE candidate_id=? AND job_id=? AND package_id=? AND state IN ('PENDING','SENDING') "
                + "ORDER BY created_on", candidateId, jobId, packageId);
    }

    /** New candidates with this email (case ignored) still on their way. */
    public List<OutboxEntry> unsentCandidatesWithEmail(String email) {
        String wanted = email == null ? "" : email.strip();
        return select("WHERE kind='CREATE_CANDIDATE' AND " + UNSENT + " ORDER BY created_on").stream()
                .filter(e -> e.payload() instanceof CandidatePayload p && p.email() != null
                        && p.email().strip().equalsIgnoreCase(wanted))
                .toList();
    }

    public Optional<OutboxEntry> find(String idempotencyKey) {
        return select("WHERE idempotency_key=?", idempotencyKey).stream().findFirst();
    }

    /** The résumé bytes of a CREATE_CANDIDATE row, if it has any. */
    public Optional<byte[]> file(String idempotencyKey) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT file_content FROM outbox WHERE idempotency_key=?")) {
                ps.setString(1, idempotencyKey);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    /** Ids the server gave to rows already sent: a check before resend must not adopt one of those. */
    public List<String> serverIds(Kind kind) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT server_id FROM outbox WHERE kind=? AND server_id IS NOT NULL")) {
                ps.setString(1, kind.name());
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    /** Rows not yet accepted by the server: what the status bar calls queued writes. */
    public int unsentCount() {
        return count("SELECT COUNT(*) FROM outbox WHERE " + UNSENT);
    }

    public int heldCount() {
        return count("SELECT COUNT(*) FROM outbox WHERE state='PENDING' AND held=TRUE");
    }

    private int count(String sql) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /**
     * Takes a PENDING, not held row for sending: SENDING, one more attempt, committed to the file before this
     * returns, so a crash while the request is out leaves a SENDING row to check at the next start. False when
     * the row is not (or no longer) there to send: someone else took it, it was discarded or held.
     */
    public boolean claim(String key, Instant now) {
        return update("UPDATE outbox SET state='SENDING', attempts=attempts+1, updated_on=? "
                + "WHERE idempotency_key=? AND state='PENDING' AND held=FALSE", now, key) > 0;
    }

    /** At start: rows left SENDING by a crash go back in line (their attempts say the server must be asked first). */
    public int recoverInterrupted(Instant now) {
        return update("UPDATE outbox SET state='PENDING', updated_on=?, last_error=? WHERE state='SENDING'", now,
                "Interrupted while sending: SmartRecruiters is checked before it is sent again");
    }

    /** Accepted by the server. For a new candidate {@code candidateId} is the id it was given (else null). */
    public void markSent(String key, String serverId, String candidateId, Instant now) {
        update("UPDATE outbox SET state='SENT', server_id=?, candidate_id=COALESCE(?, candidate_id), last_error=NULL, "
                + "held=FALSE, file_content=NULL, updated_on=? WHERE idempotency_key=?", serverId, candidateId, now,
                key);
    }

    public void markSent(String key, String serverId, Instant now) {
        markSent(key, serverId, null, now);
    }

    /**
     * A send that may work later: back to PENDING with the reason. {@code hold}: it waited on a connection failure,
     * so it now waits for the recruiter's confirmation too (a hold already there is kept).
     */
    public void recordTransientError(String key, String error, boolean hold, Instant now) {
        update("UPDATE outbox SET state='PENDING', last_error=?, held=(held OR ?), updated_on=? "
                + "WHERE idempotency_key=? AND state IN ('PENDING','SENDING')", error, hold, now, key);
    }

    /** As {@link #recordTransientError(String, String, boolean, Instant)}, not held. */
    public void recordTransientError(String key, String error, Instant now) {
        recordTransientError(key, error, false, now);
    }

    /** The server refused the write: it will not be sent again unless the recruiter asks. */
    public void markFailed(String key, String error, Instant now) {
        update("UPDATE outbox SET state='FAILED', last_error=?, updated_on=? WHERE idempotency_key=?",
                error, now, key);
    }

    /** Puts a FAILED row back in line; returns false when there was no such failed row. */
    public boolean retry(String key, Instant now) {
        return update("UPDATE outbox SET state='PENDING', held=FALSE, updated_on=? "
                + "WHERE idempotency_key=? AND state='FAILED'", now, key) > 0;
    }

    /** The recruiter confirmed: these held rows may be sent now. Returns how many were released. */
    public int release(Collection<String> keys, Instant now) {
        int n = 0;
        for (String key : keys) {
            n += update("UPDATE outbox SET held=FALSE, updated_on=? WHERE idempotency_key=? AND state='PENDING'",
                    now, key);
        }
        return n;
    }

    /** The recruiter discarded these: never sent, the résumé bytes dropped. Rows being sent right now are kept. */
    public int discard(Collection<String> keys, Instant now) {
        int n = 0;
        for (String key : keys) {
            n += update("UPDATE outbox SET state='DISCARDED', held=FALSE, file_content=NULL, updated_on=? "
                    + "WHERE idempotency_key=? AND state IN ('PENDING','FAILED')", now, key);
        }
        return n;
    }

    public void updatePayload(String key, Payload payload, Instant now) {
        update("UPDATE outbox SET payload_json=?, updated_on=? WHERE idempotency_key=?", toJson(payload), now, key);
    }

    private int update(String sql, Object... params) {
        return db.writeAndWait(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, params);
                return ps.executeUpdate();
            }
        });
    }

    private List<OutboxEntry> select(String where, Object... params) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT idempotency_key, kind, state, payload_json, "
                    + "created_on, updated_on, attempts, last_error, server_id, held FROM outbox " + where)) {
                bind(ps, params);
                List<OutboxEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Kind kind = kindOf(rs.getString("kind"));
                        if (kind == null) {
                            continue; // written by a newer version: not ours to send or show
                        }
                        out.add(new OutboxEntry(rs.getString("idempotency_key"), kind,
                                State.parse(rs.getString("state")), fromJson(kind, rs.getString("payload_json")),
                                Sql.instant(rs, "created_on"), Sql.instant(rs, "updated_on"), rs.getInt("attempts"),
                                rs.getString("last_error"), rs.getString("server_id"), rs.getBoolean("held")));
                    }
                }
                return out;
            }
        });
    }

    private static Kind kindOf(String raw) {
        try {
            return Kind.valueOf(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof Instant t) {
                Sql.setInstant(ps, i + 1, t);
            } else if (params[i] instanceof Boolean b) {
                ps.setBoolean(i + 1, b);
            } else {
                ps.setString(i + 1, params[i] == null ? null : params[i].toString());
            }
        }
    }

    private static String toJson(Payload payload) {
        try {
            return Json.mapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the outbox payload", e);
        }
    }

    private static Payload fromJson(Kind kind, String json) {
        Class<? extends Payload> type = switch (kind) {
            case PLACE_ORDER -> OrderPayload.class;
            case MOVE_APPLICATION -> MovePayload.class;
            case CREATE_CANDIDATE -> CandidatePayload.class;
        };
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("An outbox row cannot be read", e);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
