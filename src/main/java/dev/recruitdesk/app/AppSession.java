package dev.recruitdesk.app;

import dev.recruitdesk.api.ClientOptions;
import dev.recruitdesk.api.SmartRecruitersClient;
import dev.recruitdesk.service.AccountSettings;
import dev.recruitdesk.service.ConnectionCheck;
import dev.recruitdesk.service.Backend;
import dev.recruitdesk.service.BackendOptions;
import dev.recruitdesk.simulator.Simulator;
import dev.recruitdesk.simulator.SimulatorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One running account: the backend (cache, outbox, services) and, in demo mode, the embedded simulator it talks to.
 * Demo and real account keep separate folders under the data folder, so simulated candidates never mix with real ones.
 */
public final class AppSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppSession.class);

    private final Backend backend;
    private final Simulator simulator;
    private final boolean demo;

    private AppSession(Backend backend, Simulator simulator, boolean demo) {
        this.backend = backend;
        this.simulator = simulator;
        this.demo = demo;
    }

    public Backend backend() {
        return backend;
    }

    public Simulator simulator() {
        return simulator;
    }

    public boolean demo() {
        return demo;
    }

    static Path accountDir(Path dataDir) {
        return dataDir.resolve("account");
    }

    static Path demoDir(Path dataDir) {
        return dataDir.resolve("demo");
    }

    /** Opens the real account when one is configured (or given), else demo mode. */
    public static AppSession open(Path dataDir, URI srUrl, String apiKey, SimulatorConfig demoConfig) throws Exception {
        if (srUrl != null) {
            return openAccount(dataDir, srUrl, apiKey);
        }
        if (AccountFolder.isConfigured(accountDir(dataDir))) {
            return openAccount(dataDir, null, null);
        }
        return openDemo(dataDir, demoConfig);
    }

    /** The real account; with a URL and key given, they are saved first (the key as a secret). */
    public static AppSession openAccount(Path dataDir, URI srUrl, String apiKey) throws Exception {
        return openAccount(dataDir, srUrl, apiKey, false);
    }

    /**
     * Given a URL and key, they are tested before they replace the saved account: a typo must not break the account
     * the desktop app uses. Refused credentials are never saved; an unreachable server is saved only when
     * {@code requireReachable} is false (the app can start offline, a one-shot sync cannot do anything useful).
     */
    public static AppSession openAccount(Path dataDir, URI srUrl, String apiKey, boolean requireReachable) throws Exception {
        Path dir = DataFolders.ensure(accountDir(dataDir));
        Backend backend = Backend.open(dir, options());
        if (srUrl != null) {
            try {
                AccountSettings current = backend.accountService().settings();
                AccountSettings given = new AccountSettings(false, srUrl.toString(), AccountSettings.AuthMode.API_KEY,
                        current == null ? null : current.oauthClientId(), current == null ? null : current.recruiterEmail());
                ConnectionCheck check = backend.accountService().test(given, apiKey, null);
                boolean refused = check.outcome() == ConnectionCheck.Outcome.WRONG_CREDENTIALS
                        || check.outcome() == ConnectionCheck.Outcome.INVALID_INPUT;
                if (refused || (requireReachable && !check.ok())) {
                    throw new StartupException(check.message() + " (nothing was saved)");
                }
                backend.accountService().save(given, apiKey, null);
            } catch (Exception e) {
                backend.close();
                throw e;
            }
        }
        LOG.info("Opened the SmartRecruiters account");
        return new AppSession(backend, null, false);
    }

    /**
     * Demo mode: a fresh simulator and a fresh demo cache each start (the simulator keeps its state in memory, so a
     * cache from an earlier run would show orders the new simulator never heard of).
     */
    public static AppSession openDemo(Path dataDir, SimulatorConfig config) throws Exception {
        Path dir = demoDir(dataDir);
        deleteTree(dir);
        DataFolders.ensure(dir);
        Simulator sim = Simulator.start(config);
        try {
            Backend backend = Backend.open(dir, options());
            backend.accountService().save(new AccountSettings(true, sim.baseUrl().toString(), AccountSettings.AuthMode.API_KEY,
                    null, sim.recruiterEmail()), sim.apiKey(), null);
            // The guide's Settings step, done for the recruiter so the demo can order at once.
            backend.accountService().connectIntegration(sim.triggerToken(), sim.recruiterEmail());
            LOG.info("Demo mode on the embedded simulator at {}", sim.baseUrl());
            return new AppSession(backend, sim, true);
        } catch (Exception e) {
            sim.close();
            throw e;
        }
    }

    public static SimulatorConfig demoSimulator() {
        return SimulatorConfig.builder().port(0).seed(42).candidates(500).partnerPace(Duration.ofSeconds(8)).build();
    }

    private static BackendOptions options() {
        return BackendOptions.of(account -> new SmartRecruitersClient(account.baseUrl(), account.credentials(), ClientOptions.defaults()));
    }

    static void deleteTree(Path dir) throws IOException {
        DataFolders.deleteTree(dir);
    }

    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    /** Safe to call twice (the window's stop and the shutdown hook of a killed process may both call it). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            backend.close();
        } catch (Exception e) {
            LOG.warn("Closing the backend failed", e);
        }
        if (simulator != null) {
            simulator.close();
        }
    }
}
