package dev.recruitdesk.service;

import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.OrderStatus;
import dev.recruitdesk.service.secret.EncryptedFileSecretStore;
import dev.recruitdesk.store.H2Urls;
import dev.recruitdesk.store.StoreException;
import org.h2.mvstore.DataUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 4 item 6: a cache that cannot be opened is set aside and rebuilt by a full sync, whatever is wrong with it;
 * settings, secrets and the outbox (other files) come through untouched, and a queued order is still sent once.
 * A damaged outbox is never replaced: the start stops with a message naming the file.
 */
class BrokenCacheTest {

    private static final int CANDIDATES = 30;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    final FakeSrApi fake = new FakeSrApi();
    Backend backend;

    /** Every way the cache file can be unusable that the issue names, each made for real on a file. */
    enum Damage {
        GARBAGE, TRUNCATED, NOT_A_FILE, NO_PERMISSION, OLD_FILE_FORMAT, NEWER_SCHEMA, FAILED_MIGRATION, FOREIGN_SCHEMA
    }

    @BeforeEach
    void syncedAccountWithAQueuedOrder() throws Exception {
        fake.addMany(CANDIDATES);
        backend = open();
        backend.accountService().save(new AccountSettings(false, "http://127.0.0.1:9", AccountSettings.AuthMode.API_KEY,
                null, "recruiter@example.com"), "k-secret-123", null);
        assertThat(backend.syncService().syncOnce().complete()).isTrue();
    }

    @AfterEach
    void close() {
        if (backend != null) {
            backend.close();
        }
    }

    private Backend open() {
        return Backend.open(dir, BackendOptions.of(a -> fake).withIntervals(Duration.ofHours(1), Duration.ofMillis(100))
                .withSecretStore(new EncryptedFileSecretStore(dir)));
    }

    private Path cacheFile() {
        return H2Urls.mainFile(dir, "cache");
    }

    private AssessmentOrder queueWhileOffline(String candidateId) {
        fake.offline = true;
        ApplicationRef app = backend.candidateQueries().candidate(candidateId).orElseThrow().applications().get(0);
        AssessmentOrder queued = backend.orderService().queue(new OrderRequest(app, FakeSrApi.PARTNER, FakeSrApi.PACKAGE));
        Poll.until(WAIT, "the send was tried and is waiting", () -> backend.candidateQueries().orders(candidateId)
                .stream().anyMatch(o -> o.lastError() != null));
        return queued;
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void anUnusableCacheIsSetAsideAndRebuiltWhileSettingsSecretsAndTheQueuedOrderSurvive(Damage damage) throws Exception {
        AssessmentOrder queued = queueWhileOffline("c00003");
        backend.close();
        backend = null;
        byte[] settings = Files.readAllBytes(dir.resolve("settings.json"));
        byte[] secrets = Files.readAllBytes(dir.resolve("secrets.enc"));
        damage(damage);
        fake.offline = false;

        backend = open();

        String notice = backend.syncService().notice();
        assertThat(notice).as("the recruiter is told").contains("could not be read")
                .contains("rebuilt from SmartRecruiters").contains("cache-broken-");
        List<Path> broken = brokenFiles();
        assertThat(broken).hasSize(1);
        assertThat(notice).contains(broken.get(0).getFileName().toString());
        assertThat(Files.readAllBytes(dir.resolve("settings.json"))).as("settings file intact").isEqualTo(settings);
        assertThat(Files.readAllBytes(dir.resolve("secrets.enc"))).as("secrets file intact").isEqualTo(secrets);
        assertThat(backend.accountService().settings().recruiterEmail()).isEqualTo("recruiter@example.com");
        assertThat(new EncryptedFileSecretStore(dir).get(SecretStore.Key.API_KEY)).contains("k-secret-123");

        // queued while offline, so held until the recruiter confirms (the review dialog's Send all)
        assertThat(backend.writeQueue().heldCount()).as("still held after the rebuild").isEqualTo(1);
        backend.writeQueue().send(List.of(queued.idempotencyKey()));
        Poll.until(WAIT, "the queued order sent after the rebuild", () -> fake.orders.size() == 1
                && backend.syncService().status().queuedWrites() == 0);
        assertThat(fake.ordersByKey).containsOnlyKeys(queued.idempotencyKey());

        assertThat(backend.syncService().syncOnce().full()).as("a fresh cache gets a full sync").isTrue();
        assertThat(backend.candidateQueries().count(CandidateFilter.ALL)).isEqualTo(CANDIDATES);
        assertThat(backend.candidateQueries().orders("c00003")).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.SENT));

        backend.close();
        backend = open();
        assertThat(backend.syncService().notice()).as("the rebuilt cache opens as it is").isNull();
        assertThat(brokenFiles()).hasSize(1);
    }

    @Test
    void atMostTwoSetAsideCachesAreKeptTheNewestOnes() throws Exception {
        String lastNotice = null;
        for (int i = 0; i < 3; i++) {
            backend.close();
            backend = null;
            damage(Damage.GARBAGE);
            backend = open();
            lastNotice = backend.syncService().notice();
        }
        List<Path> broken = brokenFiles();
        assertThat(broken).hasSize(2);
        assertThat(lastNotice).contains(broken.get(1).getFileName().toString());
    }

    @Test
    void aDamagedOutboxIsNeverReplacedAndTheStartSaysWhichFile() throws Exception {
        queueWhileOffline("c00004");
        backend.close();
        backend = null;
        Path state = H2Urls.mainFile(dir, "state");
        byte[] garbage = new byte[8192];
        new Random(7).nextBytes(garbage);
        Files.write(state, garbage);

        assertThatThrownBy(this::open).isInstanceOf(StoreException.class)
                .hasMessageContaining(state.toString())
                .hasMessageContaining("not yet sent")
                .hasMessageContaining("untouched");
        assertThat(Files.readAllBytes(state)).as("left exactly as it was").isEqualTo(garbage);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("state-"));
        }
    }

    private List<Path> brokenFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("cache-broken-")).sorted().toList();
        }
    }

    private void damage(Damage damage) throws Exception {
        Path file = cacheFile();
        switch (damage) {
            case GARBAGE -> {
                byte[] junk = new byte[64 * 1024];
                new Random(damage.ordinal()).nextBytes(junk);
                Files.write(file, junk);
            }
            case TRUNCATED -> {
                try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                    f.setLength(3_000); // the middle of the first header block
                }
            }
            case NOT_A_FILE -> {
                // stands in for an unreadable file when the tests run as root (which reads anything)
                Files.delete(file);
                Files.createDirectory(file);
                Files.writeString(file.resolve("x"), "x");
            }
            case NO_PERMISSION -> {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
                Assumptions.assumeFalse(Files.isReadable(file), "running as root: permissions are not enforced");
            }
            case OLD_FILE_FORMAT -> rewriteHeaderFormat(file, 1);
            case NEWER_SCHEMA -> sql("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", "
                    + "\"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", "
                    + "\"success\") VALUES (99, '99', 'from a newer app', 'SQL', 'V99__newer.sql', 0, 'sa', 1, TRUE)");
            case FAILED_MIGRATION -> sql("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE "
                    + "WHERE \"installed_rank\" = (SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\")");
            case FOREIGN_SCHEMA -> {
                Files.delete(file);
                sql("CREATE TABLE candidate (id INT)");
            }
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(H2Urls.file(dir, "cache"), "sa", "");
             Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    /**
     * Both header copies of the MVStore file made to say another file format, with a valid checksum: what an H2 of
     * another major version leaves behind.
     */
    private static void rewriteHeaderFormat(Path file, int format) throws IOException {
        byte[] all = Files.readAllBytes(file);
        for (int block = 0; block < 2; block++) {
            int at = block * 4096;
            String header = new String(all, at, 4096, StandardCharsets.ISO_8859_1);
            int end = header.indexOf('\n');
            String fields = header.substring(0, end);
            String withoutSum = fields.substring(0, fields.lastIndexOf(",fletcher:"))
                    .replaceAll("format:\\d+", "format:" + format);
            byte[] bytes = withoutSum.getBytes(StandardCharsets.ISO_8859_1);
            int sum = DataUtils.getFletcher32(bytes, 0, bytes.length / 2 * 2);
            String rewritten = withoutSum + ",fletcher:" + Integer.toHexString(sum) + "\n";
            byte[] out = new byte[4096];
            byte[] r = rewritten.getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(r, 0, out, 0, r.length);
            System.arraycopy(out, 0, all, at, 4096);
        }
        Files.write(file, all);
    }
}
