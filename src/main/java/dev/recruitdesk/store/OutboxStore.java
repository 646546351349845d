package dev.recruitdesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.recruitdesk.store.OutboxEntry.OrderPayload;
import dev.recruitdesk.store.OutboxEntry.State;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The durable outbox in the {@code state} database. Every change is committed and written to the file before the
 * method returns ({@code WRITE_DELAY=0}), so a queued order survives a crash the moment {@link #insert} is done.
 */
public final class OutboxStore implements AutoCloseable {

    public static final String NAME = "state";
    private static final String KIND_PLACE_ORDER = "PLACE_ORDER";

    private final Database db;

    private OutboxStore(Database db) {
        this.db = db;
    }

    public static OutboxStore open(Path dataDir) {
        return new OutboxStore(Database.open(dataDir, NAME, true));
    }

    public void insert(String idempotencyKey, OrderPayload payload, Instant now) {
        String json = toJson(payload);
        db.writeAndWait(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (idempotency_key, kind, state, "
                    + "candidate_id, job_id, package_id, payload_json, created_on, updated_on) "
                    + "VALUES (?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, idempotencyKey);
                ps.setString(2, KIND_PLACE_ORDER);
                ps.setString(3, State.PENDING.name());
                ps.setString(4, payload.candidateId());
                ps.setString(5, payload.jobId());
                ps.setString(6, payload.packageId());
                ps.setString(7, json);
                Sql.setInstant(ps, 8, now);
                Sql.setInstant(ps, 9, now);
                return ps.executeUpdate();
            }
        });
    }

    public List<OutboxEntry> pending() {
        return select("WHERE state='PENDING' ORDER BY created_on, idempotency_key");
    }

    /** Rows not yet accepted by the server (waiting or failed) for one candidate, newest first. */
    public List<OutboxEntry> unsentFor(String candidateId) {
        return select("WHERE candidate_id=? AND state<>'SENT' ORDER BY created_on DESC", candidateId);
    }

    public List<OutboxEntry> pendingFor(String candidateId, String jobId, String packageId) {
        return select("WHERE candidate_id=? AND job_id=? AND package_id=? AND state='PENDING' ORDER BY created_on",
                candidateId, jobId, packageId);
    }

    public Optional<OutboxEntry> find(String idempotencyKey) {
        return select("WHERE idempotency_key=?", idempotencyKey).stream().findFirst();
    }

    public int unsentCount() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE state<>'SENT'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    public void markSent(String key, String serverId, Instant now) {
        update("UPDATE outbox SET state='SENT', server_id=?, last_error=NULL, attempts=attempts+1, updated_on=? "
                + "WHERE idempotency_key=?", serverId, now, key);
    }

    /** A send that may work later (offline, server trouble): stays PENDING, with the reason. */
    public void recordTransientError(String key, String error, Instant now) {
        update("UPDATE outbox SET last_error=?, attempts=attempts+1, updated_on=? WHERE idempotency_key=?",
                error, now, key);
    }

    /** The server refused the order: it will not be sent again unless the recruiter asks. */
    public void markFailed(String key, String error, Instant now) {
        update("UPDATE outbox SET state='FAILED', last_error=?, attempts=attempts+1, updated_on=? "
                + "WHERE idempotency_key=?", error, now, key);
    }

    /** Puts a FAILED row back in line; returns false when there was no such failed row. */
    public boolean retry(String key, Instant now) {
        return update("UPDATE outbox SET state='PENDING', updated_on=? WHERE idempotency_key=? AND state='FAILED'",
                now, key) > 0;
    }

    public void updatePayload(String key, OrderPayload payload, Instant now) {
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
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM outbox " + where)) {
                bind(ps, params);
                List<OutboxEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new OutboxEntry(rs.getString("idempotency_key"), State.valueOf(rs.getString("state")),
                                fromJson(rs.getString("payload_json")), Sql.instant(rs, "created_on"),
                                Sql.instant(rs, "updated_on"), rs.getInt("attempts"), rs.getString("last_error"),
                                rs.getString("server_id")));
                    }
                }
                return out;
            }
        });
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof Instant t) {
                Sql.setInstant(ps, i + 1, t);
            } else {
                ps.setString(i + 1, params[i] == null ? null : params[i].toString());
            }
        }
    }

    private static String toJson(OrderPayload payload) {
        try {
            return Json.mapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the outbox payload", e);
        }
    }

    private static OrderPayload fromJson(String json) {
        try {
            return Json.mapper().readValue(json, OrderPayload.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("An outbox row cannot be read", e);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
