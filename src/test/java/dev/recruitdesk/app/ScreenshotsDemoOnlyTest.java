package dev.recruitdesk.app;

import dev.recruitdesk.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** QA finding: {@code screenshots --data-dir} on a folder with a saved account opened (and synced) that account. */
class ScreenshotsDemoOnlyTest {

    private static final String SAVED = "{\"demoMode\":false,\"baseUrl\":\"http://127.0.0.1:9/\",\"authMode\":\"API_KEY\"}";

    @Test
    void screenshotSessionIsDemoEvenWhenTheFolderHoldsASavedAccount(@TempDir Path dataDir) throws Exception {
        Path account = Files.createDirectories(AppSession.accountDir(dataDir));
        Files.writeString(account.resolve("settings.json"), SAVED);
        assertTrue(AccountFolder.isConfigured(account), "precondition: the folder holds a saved account");
        SimulatorConfig sim = SimulatorConfig.builder().port(0).seed(42).candidates(20).rateLimit(false)
                .partnerPace(Duration.ofSeconds(2)).build();

        try (AppSession s = DesktopApp.openSession(new Command.RunApp(dataDir, null, null), dataDir, sim, true)) {
            assertTrue(s.demo(), "the tour runs in demo mode");
        }

        assertTrue(Files.isDirectory(AppSession.demoDir(dataDir)), "demo data lives in the folder's demo area");
        try (Stream<Path> files = Files.list(account)) {
            assertEquals(List.of(account.resolve("settings.json")), files.toList(), "nothing else written to the account");
        }
        assertEquals(SAVED, Files.readString(account.resolve("settings.json")), "the saved account is untouched");
    }

    @Test
    void theAppItselfStillOpensTheSavedAccount(@TempDir Path dataDir) throws Exception {
        Path account = Files.createDirectories(AppSession.accountDir(dataDir));
        Files.writeString(account.resolve("settings.json"), SAVED);
        try (AppSession s = DesktopApp.openSession(new Command.RunApp(dataDir, null, null), dataDir,
                AppSession.demoSimulator(), false)) {
            assertFalse(s.demo());
        }
    }
}
