package dev.recruitdesk.service;

import dev.recruitdesk.api.ClientOptions;
import dev.recruitdesk.api.SmartRecruitersClient;
import dev.recruitdesk.app.Command;
import dev.recruitdesk.app.CommandLine;
import dev.recruitdesk.app.UsageException;
import dev.recruitdesk.domain.Validation;
import dev.recruitdesk.simulator.Simulator;
import dev.recruitdesk.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Issue 4, bad input: every input class on every entry point that takes text (the shared rules, the command line,
 * the account service, downloads, the data folder path) ends in a clear one-line message or a clean value, and saves
 * nothing wrong. The table is {@link #inputs()}; {@link #TRIED} counts the inputs tried, for the closing note.
 */
class BadInputTest {

    static final AtomicInteger TRIED = new AtomicInteger();

    static Stream<Arguments> inputs() {
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("only spaces", "   \t "),
                Arguments.of("pasted newlines", "\n  pasted\r\nvalue \n"),
                Arguments.of("10,000 characters", "x".repeat(10_000)),
                Arguments.of("non-Latin scripts", "Łukasz Żółć 李小龙 Дмитрий Ἀθηνᾶ"),
                Arguments.of("right-to-left", "مريم حداد שלום"),
                Arguments.of("emoji", "Ana 👩‍💻🙂"),
                Arguments.of("decomposed Unicode", "Zoe\u0308 Jose\u0301"),
                Arguments.of("semicolon", "a;INIT=RUNSCRIPT FROM 'x'"),
                Arguments.of("equals", "a=b"));
    }

    static Stream<String> notWebLinks() {
        return Stream.of("file:///etc/passwd", "javascript:alert(1)", "ftp://example.com/report.pdf",
                "data:text/html,<b>x</b>", "mailto:a@example.com", "//example.com/x", "http:///x", "jar:file:/x!/y",
                "report.pdf", "\\\\server\\share\\r.pdf");
    }

    static Simulator sim;
    @TempDir
    static Path shared;
    static Backend backend;

    @BeforeAll
    static void start() throws Exception {
        sim = Simulator.start(SimulatorConfig.builder().candidates(20).jobs(3).partnerPace(Duration.ofHours(6))
                .perEndpointRatePerSecond(1_000).build());
        ClientOptions options = ClientOptions.builder().requestTimeout(Duration.ofSeconds(5)).maxRetries(1)
                .initialBackoff(Duration.ofMillis(10)).requestsPerSecond(0).build();
        backend = Backend.open(shared.resolve("data"), BackendOptions.of(a -> a.baseUrl() == null
                        || a.credentials() == null ? null
                        : new SmartRecruitersClient(a.baseUrl(), a.credentials(), options))
                .withIntervals(Duration.ofHours(1), Duration.ofHours(1)).withSecretStore(new MemorySecretStore()));
        backend.accountService().save(good(), sim.apiKey(), null);
    }

    @AfterAll
    static void stop() {
        backend.close();
        sim.close();
        System.out.println("FAULTS bad input: " + TRIED.get() + " inputs tried");
    }

    private static AccountSettings good() {
        return new AccountSettings(false, sim.baseUrl().toString(), AccountSettings.AuthMode.API_KEY, "",
                sim.recruiterEmail());
    }

    /** A clear message: there, one line, short, quoting at most a clipped part of a long input. */
    private static void assertClear(String message, String input) {
        assertThat(message).isNotBlank().doesNotContain("\n").doesNotContain("\r");
        assertThat(message.length()).as(message).isLessThanOrEqualTo(200);
        if (input.strip().length() > 60) {
            assertThat(message).doesNotContain(input.strip());
        }
    }

    /** Where the input is a secret, not even a short one may be echoed. */
    private static void assertSecretNotEchoed(String message, String input) {
        assertClear(message, input);
        if (Validation.cleanPasted(input).length() > 3) {
            assertThat(message).doesNotContain(Validation.cleanPasted(input));
        }
    }

    /** What a key, client ID or secret may be: printable ASCII, not too long. */
    private static boolean plausibleCredential(String input) {
        String v = Validation.cleanPasted(input);
        return !v.isEmpty() && v.length() <= 512 && v.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void sharedRulesGiveAMessageOrAcceptACleanValue(String kind, String input) {
        TRIED.addAndGet(5);
        assertClear(Validation.email(input).orElseThrow(), input);
        assertClear(Validation.baseUrl(input).orElseThrow(), input);
        assertThat(Validation.isWebLink(input)).isFalse();
        Optional<String> required = Validation.required(input, "Client ID");
        assertThat(required.isPresent()).isEqualTo(input.isBlank());
        String cleaned = Validation.cleanPasted(input);
        assertThat(cleaned).doesNotContain("\n", "\r", "\t").isEqualTo(cleaned.strip());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void theCommandLineAcceptsACleanValueOrSaysWhyNot(String kind, String input) {
        String url = sim.baseUrl().toString();
        String[][] lines = {
            {"--data-dir", input},
            {"--sr-url", input, "--api-key", "k"},
            {"--sr-url", url, "--api-key", input},
            {"sync", "--data-dir", "d", "--sr-url", url, "--api-key", input},
            {"screenshots", "--out", input},
            {input},
        };
        for (String[] line : lines) {
            TRIED.incrementAndGet();
            Throwable t = catchThrowable(() -> CommandLine.parse(line, Map.of()));
            if (t == null) {
                continue;
            }
            assertThat(t).as(String.join(" ", line).length() + " chars").isInstanceOf(UsageException.class);
            if (line.length >= 2 && line[line.length - 2].equals("--api-key")) {
                assertSecretNotEchoed(t.getMessage(), input);
            } else {
                assertClear(t.getMessage(), input);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void theAccountServiceRefusesBadValuesAndKeepsWhatWasSaved(String kind, String input) throws Exception {
        AccountService account = backend.accountService();
        AccountSettings before = account.settings();
        AccountSettings badUrl = new AccountSettings(false, input, AccountSettings.AuthMode.API_KEY, "",
                sim.recruiterEmail());
        AccountSettings badEmail = new AccountSettings(false, sim.baseUrl().toString(),
                AccountSettings.AuthMode.API_KEY, "", input);
        AccountSettings badClientId = new AccountSettings(false, sim.baseUrl().toString(),
                AccountSettings.AuthMode.OAUTH, input, sim.recruiterEmail());
        TRIED.addAndGet(9);
        for (AccountSettings bad : new AccountSettings[]{badUrl, badEmail}) {
            if (bad == badEmail && input.isBlank()) {
                continue; // the recruiter's email is optional in settings
            }
            Throwable t = catchThrowable(() -> account.save(bad, sim.apiKey(), null));
            assertThat(t).as(kind).isInstanceOf(ServiceException.class);
            assertClear(t.getMessage(), input);
            assertThat(account.settings()).isEqualTo(before);
        }
        // A key, client ID or secret that is not printable ASCII can never be right: refused before it is stored.
        Throwable key = catchThrowable(() -> account.save(good(), input, null));
        if (plausibleCredential(input)) {
            assertThat(key).as(kind).isNull(); // a plausible key is stored (only "Test connection" asks SR)
            account.save(good(), sim.apiKey(), null);
        } else {
            assertThat(key).as(kind).isInstanceOf(ServiceException.class);
            assertSecretNotEchoed(key.getMessage(), input);
        }
        Throwable clientId = catchThrowable(() -> account.save(badClientId, null, "secret"));
        if (plausibleCredential(input)) {
            account.save(good(), sim.apiKey(), null);
        } else {
            assertThat(clientId).as(kind).isInstanceOf(ServiceException.class);
            assertClear(clientId.getMessage(), input);
        }
        assertThat(account.settings()).isEqualTo(before);
        assertThat(account.test(good(), null, null).ok()).as("the stored key still works after " + kind).isTrue();
        ConnectionCheck check = account.test(good(), input, null);
        assertThat(check.ok()).isFalse();
        assertSecretNotEchoed(check.message(), input);
        ConnectionCheck oauth = account.test(badClientId, null, input);
        assertThat(oauth.ok()).isFalse();
        assertSecretNotEchoed(oauth.message(), input);

        Throwable token = catchThrowable(() -> account.connectIntegration(input, sim.recruiterEmail()));
        assertThat(token).isInstanceOf(ServiceException.class);
        assertSecretNotEchoed(token.getMessage(), input);
        Throwable email = catchThrowable(() -> account.connectIntegration(sim.triggerToken(), input));
        assertThat(email).isInstanceOf(ServiceException.class);
        assertClear(email.getMessage(), input);
        assertThat(account.integration().connected()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notWebLinks")
    void downloadsRefuseLinksThatAreNotHttp(String url) {
        TRIED.addAndGet(2);
        Path target = shared.resolve("downloads").resolve("r.pdf");
        Throwable t = catchThrowable(() -> backend.orderService().download(url, target));
        assertThat(t).isInstanceOf(ServiceException.class);
        assertClear(t.getMessage(), url);
        assertThat(target).doesNotExist();
        assertThat(Validation.isWebLink(url)).isFalse();
    }

    @Test
    void aDataFolderWithSemicolonIsRefusedClearlyAndOneWithEqualsWorks(@TempDir Path root) throws Exception {
        TRIED.addAndGet(2);
        Path semicolon = root.resolve("a;INIT=RUNSCRIPT FROM 'evil.sql'");
        assertThatThrownBy(() -> Backend.open(semicolon, BackendOptions.of(a -> null)
                .withSecretStore(new MemorySecretStore())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("';'");
        assertThat(root.resolve("evil.sql")).doesNotExist();

        Path equals = root.resolve("team=recruiting");
        try (Backend b = Backend.open(equals, BackendOptions.of(a -> null).withSecretStore(new MemorySecretStore()))) {
            assertThat(b.candidateQueries().count(CandidateFilter.ALL)).isZero();
        }
        assertThat(Files.list(equals).map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("cache"));
    }
}
