package dev.recruitdesk.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 4, bad input on the wire: a created candidate's name comes back exactly as sent, in every script. */
class SimulatorBadInputTest {

    private static final AtomicInteger N = new AtomicInteger();
    private static Simulator sim;
    private static SimClient client;
    private static String jobId;

    @BeforeAll
    static void start() throws Exception {
        sim = Simulator.start(SimulatorConfig.builder().candidates(10).jobs(2).perEndpointRatePerSecond(1_000)
                .partnerPace(Duration.ofHours(6)).build());
        client = new SimClient(sim);
        jobId = client.getJson("/jobs?limit=1").path("content").get(0).path("id").asText();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("Latin with diacritics (NFC)", "Zoë", "Łukasiewicz-Ñúñez"),
                Arguments.of("decomposed (NFD)", "Zoe\u0308", "Jose\u0301 Mu\u0308ller"),
                Arguments.of("Cyrillic", "Дмитрий", "Шостакович"),
                Arguments.of("Greek", "Ἀθηνᾶ", "Παπαδοπούλου"),
                Arguments.of("CJK", "小龙", "李"),
                Arguments.of("Japanese", "さくら", "山田"),
                Arguments.of("Korean", "민준", "김"),
                Arguments.of("Arabic (right-to-left)", "مريم", "حداد"),
                Arguments.of("Hebrew (right-to-left)", "נועה", "כהן"),
                Arguments.of("mixed direction", "Ana \u202Eevil\u202C", "O'Brien (أحمد)"),
                Arguments.of("Devanagari", "अनन्या", "शर्मा"),
                Arguments.of("Thai", "สมชาย", "ใจดี"),
                Arguments.of("emoji", "Ana 👩‍💻", "Smith 🙂🇵🇱"),
                Arguments.of("pasted newlines", "\nAna\r\n", "  Maria\nda Silva  "),
                Arguments.of("10,000 characters", "x".repeat(10_000), "y"),
                Arguments.of("only spaces", "   ", "Smith"),
                Arguments.of("empty", "", "Smith"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void aCreatedCandidatesNameComesBackAsSent(String kind, String first, String last) throws Exception {
        ObjectNode body = SimClient.MAPPER.createObjectNode();
        body.put("firstName", first);
        body.put("lastName", last);
        body.put("email", "bad.input." + N.incrementAndGet() + "@example.org");
        HttpResponse<byte[]> created = client.postJson("/jobs/" + jobId + "/candidates",
                SimClient.MAPPER.writeValueAsString(body));
        if (first.isBlank()) {
            assertThat(created.statusCode()).isEqualTo(400);
            assertThat(SimClient.tree(created).path("errors").get(0).path("field").asText()).isEqualTo("firstName");
            return;
        }
        assertThat(created.statusCode()).as(kind).isEqualTo(201);
        String id = SimClient.tree(created).path("id").asText();
        JsonNode details = client.getJson("/candidates/" + id);
        // Ends are trimmed like any pasted field; everything else is kept code point for code point.
        assertThat(details.path("firstName").asText()).isEqualTo(first.strip());
        assertThat(details.path("lastName").asText()).isEqualTo(last.strip());
        assertThat(Normalizer.isNormalized(details.path("firstName").asText(), Normalizer.Form.NFC))
                .isEqualTo(Normalizer.isNormalized(first.strip(), Normalizer.Form.NFC));
    }
}
