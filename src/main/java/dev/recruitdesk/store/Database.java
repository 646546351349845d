package dev.recruitdesk.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One embedded H2 database: migrated by Flyway on open (unless already current, see {@link SchemaVersion}), written
 * by exactly one thread (so writes never contend for locks and are applied in the order they were asked for), read
 * through a small pool (H2's MVStore lets readers run beside the writer).
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int READERS = 4;

    private final String name;
    private final JdbcConnectionPool readers;
    private final Connection writerConnection;
    private final ExecutorService writer;

    private Database(String name, JdbcConnectionPool readers, Connection writerConnection) {
        this.name = name;
        this.readers = readers;
        this.writerConnection = writerConnection;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "db-writer-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens (creating if needed) {@code dataDir/name} and applies the migrations in {@code classpath:db/<name>}.
     * {@code durable}: see {@link H2Urls#file(Path, String, boolean)}.
     */
    public static Database open(Path dataDir, String name, boolean durable) {
        String url = H2Urls.file(dataDir, name, durable);
        Connection w = null;
        try {
            // Opened before Flyway: with no other connection, Flyway's close would close the database (H2 compacts
            // it on close) and this line would open the file a second time.
            w = DriverManager.getConnection(url, "sa", "");
            // Flyway costs seconds on every start even with nothing to apply: skipped when already current.
            if (!SchemaVersion.isCurrent(w, "db/" + name)) {
                Flyway flyway = Flyway.configure()
                        .dataSource(url, "sa", "")
                        .locations("classpath:db/" + name)
                        .load();
                refuseNewerSchema(flyway);
                flyway.migrate();
            }
            w.setAutoCommit(false);
            JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
            pool.setMaxConnections(READERS);
            log.info("Opened database {}", name);
            return new Database(name, pool, w);
        } catch (SQLException | RuntimeException e) {
            // an open connection would keep H2's instance (and the file) open under the same URL
            closeQuietly(w);
            throw OpenFailures.classify(dataDir, name, e);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                log.debug("Closing a connection after a failed open failed", e);
            }
        }
    }

    /**
     * Flyway by default ignores applied migrations it does not know ("future" ones): a file migrated by a newer
     * RecruitDesk would be used as if it had the schema this version knows.
     */
    private static void refuseNewerSchema(Flyway flyway) {
        for (MigrationInfo m : flyway.info().all()) {
            if (m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED) {
                throw new IllegalStateException("its schema version " + m.getVersion()
                        + " was made by a newer version of RecruitDesk");
            }
        }
    }

    /** Runs a read on a pooled connection, on the caller's thread. */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = readers.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("Reading the local database failed", e);
        }
    }

    /** Queues a write; it runs in its own transaction on the writer thread. */
    public <T> CompletableFuture<T> write(SqlWork<T> work) {
        return write(work, result -> { });
    }

    /**
     * As {@link #write(SqlWork)}; {@code afterCommit} then runs on the writer thread, after the commit and before the
     * next write starts, so what it mirrors in memory changes in the same order as the database and only once a
     * change is committed.
     */
    public <T> CompletableFuture<T> write(SqlWork<T> work, Consumer<? super T> afterCommit) {
        return CompletableFuture.supplyAsync(() -> {
            T result;
            try {
                result = work.run(writerConnection);
                writerConnection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                throw new StoreException("Writing the local database failed", e);
            }
            afterCommit.accept(result);
            return result;
        }, writer);
    }

    /** {@link #write} and wait for it; rethrows its failure. */
    public <T> T writeAndWait(SqlWork<T> work) {
        try {
            return write(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while writing the local database", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("Writing the local database failed", e.getCause());
        }
    }

    private void rollbackQuietly() {
        try {
            writerConnection.rollback();
        } catch (SQLException e) {
            log.warn("Rollback failed on {}", name, e);
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Writes to {} still running at close", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            writerConnection.close();
        } catch (SQLException e) {
            log.warn("Closing {} failed", name, e);
        }
        readers.dispose();
    }
}
