package dev.recruitdesk.app;

import java.net.URI;
import java.nio.file.Path;

/** What the command line asked for. Parsed by {@link CommandLine}; run by {@link Launcher}. */
public sealed interface Command {

    /** Start the desktop app. {@code srUrl}/{@code apiKey} both null means: the saved account, else demo mode. */
    record RunApp(Path dataDir, URI srUrl, String apiKey) implements Command {
        @Override
        public String toString() {
            return "RunApp[dataDir=" + dataDir + ", srUrl=" + srUrl + ", apiKey=" + (apiKey == null ? "none" : "****") + "]";
        }
    }

    /** Run the SmartRecruiters simulator alone; {@code args} are handed to it as they came. */
    record RunSimulator(String[] args) implements Command {
    }

    /** One sync without a window; {@code sendQueued}: then send the orders waiting in the outbox and wait for them. */
    record RunSync(Path dataDir, URI srUrl, String apiKey, boolean sendQueued) implements Command {
        public RunSync(Path dataDir, URI srUrl, String apiKey) {
            this(dataDir, srUrl, apiKey, false);
        }

        @Override
        public String toString() {
            return "RunSync[dataDir=" + dataDir + ", srUrl=" + srUrl + ", apiKey=****, sendQueued=" + sendQueued + "]";
        }
    }

    /** Start the app on the simulator, write one PNG per screen into {@code outDir}, exit. */
    record RunScreenshots(Path outDir, Path dataDir) implements Command {
    }

    /** Measure sync, search, start-up, smoothness and memory on {@code candidates} simulated candidates. */
    record RunBench(int candidates, Path out) implements Command {
    }

    record ShowHelp() implements Command {
    }

    record ShowVersion() implements Command {
    }
}
