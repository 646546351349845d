package dev.recruitdesk.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** [SIM] {@code POST /jobs/{jobId}/candidates/cv}: each file type, and the files it must refuse. */
class SimulatorResumeTest {

    private static Simulator sim;
    private static SimClient client;
    private static String jobId;

    @BeforeAll
    static void start() throws Exception {
        sim = Simulator.start(SimulatorConfig.builder().candidates(20).rateLimit(false)
                .partnerPace(Duration.ofHours(1)).build());
        client = new SimClient(sim);
        jobId = client.getJson("/jobs?limit=1").path("content").get(0).path("id").asText();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void readsNameAndEmailFromEachFileType() {
        assertCreated("cv.txt", ResumeFiles.txt("Curriculum Vitae", "Anna Kowalska", "anna.k@example.com",
                "+48 600 100 200"), "Anna", "Kowalska", "anna.k@example.com");
        assertCreated("cv.docx", ResumeFiles.docx("Brian O'Neill", "Email: brian.oneill@example.com"),
                "Brian", "O'Neill", "brian.oneill@example.com");
        assertCreated("cv.pdf", ResumeFiles.pdf("Carla Mendes", "carla.mendes@example.com"),
                "Carla", "Mendes", "carla.mendes@example.com");
        assertCreated("cv.odt", ResumeFiles.odt("Resume", "Dieter Krause", "dieter@example.de"),
                "Dieter", "Krause", "dieter@example.de");
        assertCreated("CV.RTF", ResumeFiles.rtf("Émile Zola", "emile@example.fr"), "Émile", "Zola",
                "emile@example.fr");
        byte[] doc = ("\u00d0\u00cf\u0011\u0000Fatima Zahra\r fatima.zahra@example.com\u0000")
                .getBytes(StandardCharsets.UTF_16LE);
        assertCreated("cv.doc", doc, "Fatima", "Zahra", "fatima.zahra@example.com");
    }

    @Test
    void keepsANameInANonLatinScript() {
        assertCreated("резюме.txt", ResumeFiles.txt("Дмитрий Иванов", "dmitry.ivanov@example.ru"),
                "Дмитрий", "Иванов", "dmitry.ivanov@example.ru");
        assertCreated("cv.docx", ResumeFiles.docx("山田太郎", "taro.yamada@example.jp"), "太郎", "山田",
                "taro.yamada@example.jp");
    }

    @Test
    void refusesEmptyWrongTypeTooLargeAndNameless() {
        assertRefused("empty.pdf", new byte[0], 400, "EMPTY_FILE");
        assertRefused("photo.png", new byte[]{1, 2, 3}, 415, "UNSUPPORTED_FILE_TYPE");
        assertRefused("big.txt", new byte[SrEndpoints.MAX_CV_BYTES + 1], 413, "FILE_TOO_LARGE");
        assertRefused("no-email.txt", ResumeFiles.txt("Nora Jones", "no address here"), 422, "NOT_FOUND_IN_CV");
        assertRefused("broken.docx", "not a zip".getBytes(StandardCharsets.UTF_8), 422, "CV_UNREADABLE");
    }

    @Test
    void aSecondResumeWithTheSameEmailIsAConflict() {
        byte[] file = ResumeFiles.txt("Olga Berg", "olga.berg@example.com");
        assertThat(upload("a.txt", file).statusCode()).isEqualTo(201);
        HttpResponse<byte[]> again = upload("b.txt", file);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(SimClient.tree(again).path("errors").get(0).path("field").asText()).isEqualTo("email");
    }

    private static void assertCreated(String name, byte[] file, String first, String last, String email) {
        HttpResponse<byte[]> r = upload(name, file);
        assertThat(r.statusCode()).as(name + ": " + new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        JsonNode c = SimClient.tree(r);
        assertThat(c.path("firstName").asText()).as(name).isEqualTo(first);
        assertThat(c.path("lastName").asText()).as(name).isEqualTo(last);
        assertThat(c.path("email").asText()).as(name).isEqualTo(email);
        assertThat(c.path("primaryAssignment").path("job").path("id").asText()).isEqualTo(jobId);
    }

    private static void assertRefused(String name, byte[] file, int status, String code) {
        HttpResponse<byte[]> r = upload(name, file);
        assertThat(r.statusCode()).as(name).isEqualTo(status);
        assertThat(SimClient.tree(r).path("message").asText()).isNotBlank();
        assertThat(SimClient.tree(r).toString()).as(name).contains(code);
    }

    static HttpResponse<byte[]> upload(String fileName, byte[] content) {
        String boundary = "----rdtest" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(client.request("/jobs/" + jobId + "/candidates/cv")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }
}
