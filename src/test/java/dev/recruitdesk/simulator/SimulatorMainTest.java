package dev.recruitdesk.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SimulatorMainTest {

    private int run(ByteArrayOutputStream err, String... args) {
        return SimulatorMain.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void unknownOptionOrBadValueReturnsTwoWithOneLineOnErr() {
        for (String[] args : new String[][] {{"--bogus"}, {"--port", "abc"}, {"--port", "70000"}, {"--seed"},
            {"--candidates", "0"}, {"--pace-seconds", "x"}}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertThat(run(err, args)).as(String.join(" ", args)).isEqualTo(2);
            String text = err.toString(StandardCharsets.UTF_8);
            assertThat(text).startsWith("simulator: ");
            assertThat(text.strip().lines().count()).isEqualTo(1);
        }
    }

    @Test
    void goodOptionsParseIntoTheConfig() {
        SimulatorConfig c = SimulatorMain.parse(new String[] {"simulator", "--port", "8123", "--seed", "9",
            "--candidates", "1000", "--no-rate-limit", "--pace-seconds", "3", "--connected"});
        assertThat(c.port()).isEqualTo(8123);
        assertThat(c.seed()).isEqualTo(9);
        assertThat(c.candidates()).isEqualTo(1000);
        assertThat(c.rateLimit()).isFalse();
        assertThat(c.partnerPace()).hasSeconds(3);
        assertThat(c.integrationConnected()).isTrue();
    }

    @Test
    void lostAnswersAndIgnoredKeysAreOptionsOfTheirOwnOrWithFaults() {
        SimulatorConfig plain = SimulatorMain.parse(new String[] {"--drop-accepted-writes", "3", "--ignore-idempotency"});
        assertThat(plain.faults().dropAcceptedWrites()).isEqualTo(3);
        assertThat(plain.faults().honourIdempotency()).isFalse();
        assertThat(plain.faults().rate()).isZero();
        SimulatorConfig mixed = SimulatorMain.parse(new String[] {"--faults", "0.2", "--drop-accepted-writes", "1"});
        assertThat(mixed.faults().rate()).isEqualTo(0.2);
        assertThat(mixed.faults().dropAcceptedWrites()).isEqualTo(1);
        assertThat(mixed.faults().honourIdempotency()).isTrue();
        assertThat(SimulatorMain.parse(new String[0]).faults().honourIdempotency()).isTrue();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "--drop-accepted-writes", "-1")).isEqualTo(2);
    }

    @Test
    void servesAndPrintsHowToConnectUntilInterrupted() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream printer = new PrintStream(out, true, StandardCharsets.UTF_8);
        int[] code = {-1};
        Thread t = new Thread(() -> code[0] = SimulatorMain.run(new String[] {"--port", "0", "--candidates", "30"},
                printer, printer));
        t.start();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!out.toString(StandardCharsets.UTF_8).contains("Email: ") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("RecruitDesk SmartRecruiters simulator", "Base URL: http://127.0.0.1:", "API key: ",
                "Trigger token: ", "Email: alex.morgan@acme-talent.example");
        String base = text.lines().filter(l -> l.startsWith("Base URL: ")).findFirst().orElseThrow().substring(10);
        String key = text.lines().filter(l -> l.startsWith("API key: ")).findFirst().orElseThrow().substring(9);
        assertThat(new SimClient(java.net.URI.create(base), key).getJson("/candidates?limit=5")
                .path("totalFound").asInt()).isEqualTo(30);
        t.interrupt();
        t.join(10_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(code[0]).isZero();
    }

    /** QA finding 11: the start banner says which faults are armed. */
    @Test
    void theBannerLineNamesTheArmedFaults() {
        assertThat(SimulatorMain.armed(SimulatorMain.parse(new String[0]).faults())).isEqualTo("none");
        assertThat(SimulatorMain.armed(SimulatorMain.parse(new String[] {"--drop-accepted-writes", "3", "--ignore-idempotency"}).faults()))
                .isEqualTo("the answers of 3 accepted writes dropped; idempotency keys ignored");
        assertThat(SimulatorMain.armed(SimulatorMain.parse(new String[] {"--faults", "0.2", "--fault-seed", "7"}).faults()))
                .startsWith("rate 0.2 of requests, kinds ").endsWith(", seed 7");
    }

    /** QA finding 11: "cannot start: Address already in use" did not say which port. */
    @Test
    void aTakenPortIsNamed() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = run(err, "--port", String.valueOf(port), "--candidates", "100");
            assertThat(code).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("simulator: cannot start: port " + port + ": ");
        }
    }
}
