package dev.recruitdesk.service;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import dev.recruitdesk.api.ClientOptions;
import dev.recruitdesk.api.SmartRecruitersClient;
import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.Partner;
import dev.recruitdesk.service.secret.EncryptedFileSecretStore;
import dev.recruitdesk.simulator.FaultPlan;
import dev.recruitdesk.simulator.Simulator;
import dev.recruitdesk.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4, secrets: a whole session over a faulty SmartRecruiters (test and save the account, connect the
 * integration, sync, order, poll, download) logged at DEBUG into the data folder; then no byte of any file there,
 * no log line and no exception message may hold the API key, the OAuth secret or the trigger token, and every file
 * is the owner's alone.
 */
class SecretsFaultTest {

    @TempDir
    Path root;

    @Test
    void aFaultySessionLeavesNoSecretInFilesLogsOrMessagesAndOnlyOwnerOnlyFiles() throws Exception {
        Path data = root.resolve("data");
        Path logFile = data.resolve("session-debug.log");
        List<String> messages = new ArrayList<>();
        FileAppender<ILoggingEvent> appender;
        ch.qos.logback.classic.Logger appLogger;
        Level previous;
        String apiKey;
        String oauthSecret;
        String token;
        try (Simulator sim = Simulator.start(SimulatorConfig.builder().seed(8).candidates(120).jobs(8)
                .perEndpointRatePerSecond(1_000).partnerPace(Duration.ofHours(6))
                .faults(FaultPlan.of(0.2, 8).withSlowDelay(Duration.ofMillis(1_500))).build())) {
            apiKey = sim.apiKey();
            oauthSecret = sim.oauthClientSecret();
            token = sim.triggerToken();
            Files.createDirectories(data);
            LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
            appLogger = ctx.getLogger("dev.recruitdesk");
            previous = appLogger.getLevel();
            appender = fileAppender(ctx, logFile);
            appLogger.setLevel(Level.DEBUG);
            appLogger.addAppender(appender);
            try {
                runSession(sim, data, messages);
            } finally {
                appLogger.detachAppender(appender);
                appLogger.setLevel(previous);
                appender.stop();
            }
            System.out.println("FAULTS secrets session: " + sim.requestCount() + " requests, faults "
                    + sim.faultsInjected());
        }

        String log = Files.readString(logFile, StandardCharsets.UTF_8);
        assertThat(log).as("the debug log saw the session").contains("GET /candidates").contains("DEBUG");
        Map<String, String> secrets = Map.of("API key", apiKey, "OAuth secret", oauthSecret, "trigger token", token);
        List<Path> files;
        try (Stream<Path> all = Files.walk(data)) {
            files = all.toList();
        }
        assertThat(files).anyMatch(p -> p.getFileName().toString().endsWith(".mv.db"));
        for (Path p : files) {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(p.toString())
                        .isEqualTo("rwx------");
                continue;
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(p.toString())
                    .isEqualTo("rw-------");
            byte[] bytes = Files.readAllBytes(p);
            secrets.forEach((name, value) -> {
                assertThat(indexOf(bytes, value.getBytes(StandardCharsets.UTF_8))).as(name + " in " + p).isNegative();
                assertThat(indexOf(bytes, value.getBytes(StandardCharsets.UTF_16BE))).as(name + " in " + p)
                        .isNegative();
            });
        }
        assertThat(messages).hasSizeGreaterThan(3);
        for (String m : messages) {
            secrets.forEach((name, value) -> assertThat(m).as(name + " in a message").doesNotContain(value));
        }
        System.out.println("FAULTS secrets: scanned " + files.size() + " files, " + log.length()
                + " log characters, " + messages.size() + " messages");
    }

    private static void runSession(Simulator sim, Path data, List<String> messages) throws Exception {
        ClientOptions options = ClientOptions.builder().requestTimeout(Duration.ofSeconds(1))
                .initialBackoff(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(300)).maxRetries(8)
                .requestsPerSecond(0).build();
        String email = sim.recruiterEmail();
        String url = sim.baseUrl().toString();
        AccountSettings byKey = new AccountSettings(false, url, AccountSettings.AuthMode.API_KEY, "", email);
        AccountSettings byOAuth = new AccountSettings(false, url, AccountSettings.AuthMode.OAUTH,
                sim.oauthClientId(), email);
        try (Backend backend = Backend.open(data, BackendOptions.of(a -> a.baseUrl() == null
                        || a.credentials() == null ? null
                        : new SmartRecruitersClient(a.baseUrl(), a.credentials(), options))
                .withIntervals(Duration.ofHours(1), Duration.ofMillis(300))
                .withSecretStore(new EncryptedFileSecretStore(data)))) {
            AccountService account = backend.accountService();
            // Wrong values that contain the right ones: an echo of the input would leak the secret.
            messages.add(account.test(byKey, apiKey(sim) + "x", null).toString());
            messages.add(account.test(byOAuth, null, sim.oauthClientSecret() + "x").toString());
            messages.add(account.test(byOAuth, null, sim.oauthClientSecret()).toString());
            account.save(byOAuth, null, sim.oauthClientSecret());
            account.save(byKey, apiKey(sim), null);
            messages.add(account.test(byKey, null, null).toString());
            try {
                account.connectIntegration(sim.triggerToken() + "x", email);
            } catch (ServiceException e) {
                collect(e, messages);
            }
            for (int i = 0; i < 6 && !connected(account, messages); i++) {
                try {
                    account.connectIntegration(sim.triggerToken(), email);
                } catch (ServiceException e) {
                    collect(e, messages);
                }
            }
            SyncReport report = backend.syncService().syncOnce();
            for (int i = 0; i < 3 && !report.complete(); i++) {
                messages.add(String.valueOf(report.error()));
                report = backend.syncService().syncOnce();
            }
            assertThat(report.complete()).as(report.toString()).isTrue();

            Partner partner = retry(() -> backend.orderService().partners(), messages).get(0);
            AssessmentPackage pack = retry(() -> backend.orderService().packages(partner.id()), messages).get(0);
            String candidateId = backend.candidateQueries().page(CandidateFilter.ALL, 0, 1).get(0).id();
            ApplicationRef app = backend.candidateQueries().candidate(candidateId).orElseThrow().applications().get(0);
            AssessmentOrder queued = backend.orderService().queue(new OrderRequest(app, partner, pack));
            Poll.until(Duration.ofSeconds(60), "order accepted", () -> {
                AssessmentOrder o = ours(backend, candidateId, queued);
                return o != null && o.id() != null;
            });
            sim.advancePartnerClock();
            sim.advancePartnerClock();
            Poll.until(Duration.ofSeconds(60), "order completed", () -> {
                backend.syncService().pollOpenOrders();
                AssessmentOrder o = ours(backend, candidateId, queued);
                return o != null && !o.status().isOpen();
            });
            AssessmentOrder done = ours(backend, candidateId, queued);
            if (done.reportUrl() != null) {
                try {
                    backend.orderService().download(done.reportUrl(), data.resolve("report.html"));
                } catch (ServiceException e) {
                    collect(e, messages);
                }
            }
            messages.add(String.valueOf(backend.syncService().status()));
        }
    }

    private static String apiKey(Simulator sim) {
        return sim.apiKey();
    }

    private static boolean connected(AccountService account, List<String> messages) {
        try {
            return account.integration().connected();
        } catch (ServiceException e) {
            collect(e, messages);
            return false;
        }
    }

    private interface Call<T> {
        T call() throws ServiceException;
    }

    private static <T> T retry(Call<T> call, List<String> messages) throws ServiceException {
        for (int i = 0; ; i++) {
            try {
                return call.call();
            } catch (ServiceException e) {
                collect(e, messages);
                if (i == 5) {
                    throw e;
                }
            }
        }
    }

    private static AssessmentOrder ours(Backend backend, String candidateId, AssessmentOrder queued) {
        return backend.candidateQueries().orders(candidateId).stream()
                .filter(o -> queued.idempotencyKey().equals(o.idempotencyKey())).findFirst().orElse(null);
    }

    private static void collect(Throwable e, List<String> messages) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.add(t.getClass().getName() + ": " + t.getMessage());
            if (t.getCause() == t) {
                break;
            }
        }
    }

    private static FileAppender<ILoggingEvent> fileAppender(LoggerContext ctx, Path file) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern("%d %-5level %logger - %msg%n%ex");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(ctx);
        appender.setName("secrets-test");
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
