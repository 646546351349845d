package dev.recruitdesk.api;

import dev.recruitdesk.api.SmartRecruitersApi.CandidatePage;
import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Job;
import dev.recruitdesk.domain.OrderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every example payload in the shared specs parses, and the ones the app relies on give the expected values. */
class ExamplePayloadsTest {

    /*
     * The payloads are kept in the repository (src/test/resources/sr-examples, with their SOURCES.md) so a clone
     * anywhere runs this test; sameAsTheSharedSpecs() notices when the shared specs gain or change an example.
     */
    static Path examples() {
        return Path.of("src", "test", "resources", "sr-examples");
    }

    static Path sharedExamples() {
        String shared = System.getProperty("recruitdesk.shared", "../shared");
        return Path.of(shared, "specs", "smartrecruiters", "examples");
    }

    @org.junit.jupiter.api.Test
    void sameAsTheSharedSpecs() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(sharedExamples()),
                "the shared specs are not beside this checkout");
        try (Stream<Path> files = Files.list(sharedExamples())) {
            for (Path f : files.sorted().toList()) {
                Path copy = examples().resolve(f.getFileName().toString());
                assertThat(copy).as("copy of %s", f.getFileName()).exists();
                assertThat(Files.readAllBytes(copy)).as("copy of %s", f.getFileName()).isEqualTo(Files.readAllBytes(f));
            }
        }
    }

    static Stream<Path> allExamples() throws IOException {
        try (Stream<Path> files = Files.list(examples())) {
            List<Path> json = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            assertThat(json).as("example payloads in %s", examples()).hasSizeGreaterThanOrEqualTo(20);
            return json.stream();
        }
    }

    static String read(String name) {
        try {
            return Files.readString(examples().resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allExamples")
    void everyExampleParses(Path file) throws IOException {
        String name = file.getFileName().toString();
        Object parsed = parseByKind(name, Files.readString(file, StandardCharsets.UTF_8));
        assertThat(parsed).as(name).isNotNull();
    }

    /** The reader the app would use for each kind of payload; shapes the app does not read only need to be JSON. */
    private static Object parseByKind(String name, String json) throws IOException {
        if (name.startsWith("candidates-list")) {
            return SrJson.parseCandidatePage(json);
        }
        if (name.startsWith("candidate-details")) {
            return SrJson.parseCandidate(json);
        }
        if (name.equals("application-status.json")) {
            return SrJson.parseApplication("c1", "j1", json);
        }
        if (name.startsWith("job-details")) {
            return SrJson.parseJob(json);
        }
        if (name.startsWith("jobs-list")) {
            return SrJson.jobsOf(SrJson.parseJobPage(json));
        }
        if (name.startsWith("error-")) {
            SrJson.ErrorInfo info = SrJson.parseError(400, json);
            assertThat(info.code()).as(name + " code").isNotBlank();
            return info;
        }
        if (name.equals("stackone-assessments-packages-list.json")) {
            return StackOneJson.parsePackages("stackone", json);
        }
        if (name.equals("stackone-assessments-order-created.json")) {
            return StackOneJson.parseCreatedOrder(json);
        }
        if (name.equals("stackone-assessments-order-get.json") || name.equals("stackone-assessments-order-request.json")) {
            return StackOneJson.parseOrder(json);
        }
        if (name.equals("stackone-assessments-result-update-request.json")) {
            return StackOneJson.parseResult(json);
        }
        if (name.equals("stackone-update-result-response.json")) {
            return StackOneJson.parseAck(json);
        }
        return SrJson.MAPPER.readTree(json);
    }

    @Test
    void candidatesListGivesContentAndPaging() throws IOException {
        CandidatePage page = SrJson.parseCandidatePage(read("candidates-list.json"));
        assertThat(page.content()).hasSize(1);
        assertThat(page.content().get(0).id()).isEqualTo("string");
        assertThat(page.nextPageId()).isEqualTo("string");
        assertThat(page.totalFound()).isZero();
        List<ApplicationRef> apps = page.content().get(0).applications();
        assertThat(apps).extracting(ApplicationRef::primary).containsExactly(true, false);
        assertThat(apps.get(0).status()).isEqualTo("LEAD");
        assertThat(apps.get(1).status()).as("list items carry only the job for secondary assignments").isNull();
        assertThat(page.content().get(0).updatedOn()).isEqualTo(Instant.parse("2021-10-16T21:13:09.300Z"));
    }

    @Test
    void recordedCandidatesListWithoutPagingIsTheLastPage() throws IOException {
        CandidatePage page = SrJson.parseCandidatePage(read("candidates-list.slink-fixture.json"));
        assertThat(page.content()).hasSize(1);
        Candidate c = page.content().get(0);
        assertThat(c.id()).isEqualTo("cc285818-963d-497a-a2a8-e2227af0876e");
        assertThat(c.displayName()).isEqualTo("Testfirst Testlast");
        assertThat(c.city()).isEqualTo("Atlanta");
        assertThat(page.nextPageId()).isNull();
        assertThat(page.totalFound()).as("unknown total").isEqualTo(-1);
    }

    @Test
    void candidateDetailsGiveEveryAssignment() throws IOException {
        Candidate c = SrJson.parseCandidate(read("candidate-details.json"));
        assertThat(c.firstName()).isEqualTo("First");
        assertThat(c.phoneNumber()).isEqualTo("string");
        assertThat(c.applications()).hasSize(2);
        ApplicationRef primary = c.applications().get(0);
        assertThat(primary.primary()).isTrue();
        assertThat(primary.candidateId()).isEqualTo("string");
        assertThat(primary.status()).isEqualTo("LEAD");
        assertThat(primary.subStatus()).isEqualTo("string");
        assertThat(primary.startsOn()).isEqualTo(Instant.parse("2021-10-13T21:04:47.668Z"));
        assertThat(primary.applicationId()).as("SR's candidate API has no application UUID").isNull();
        assertThat(c.applications().get(1).primary()).isFalse();
        assertThat(c.applications().get(1).status()).isEqualTo("LEAD");
    }

    @Test
    void recordedCandidateDetails() throws IOException {
        Candidate c = SrJson.parseCandidate(read("candidate-details.slink-fixture.json"));
        assertThat(c.phoneNumber()).isEqualTo("5550100000");
        assertThat(c.country()).isEqualTo("United States");
        assertThat(c.createdOn()).isEqualTo(Instant.parse("2018-06-08T04:55:28Z"));
        assertThat(c.applications()).singleElement().satisfies(a -> {
            assertThat(a.jobId()).isEqualTo("ccfc86f3-c309-48e2-a2ae-175ae0d0ec3c");
            assertThat(a.jobTitle()).isEqualTo("Front End Engineer");
            assertThat(a.status()).isEqualTo("OFFERED");
            assertThat(a.subStatus()).isEqualTo("Offer Accepted");
        });
    }

    @Test
    void applicationWithoutUuidHasNoApplicationId() throws IOException {
        ApplicationRef app = SrJson.parseApplication("c1", "j1", read("application-status.json"));
        assertThat(app.status()).isEqualTo("LEAD");
        assertThat(app.applicationId()).isNull();
        assertThat(app.startsOn()).isEqualTo(Instant.parse("2021-10-17T14:18:21.646Z"));
        ApplicationRef withId = SrJson.parseApplication("c1", "j1",
                "{\"status\":\"IN_REVIEW\",\"subStatus\":\"Skills Test\",\"id\":\"0b9c7e2a-1111-4c1e-9d3f-2a2ae2dbcce4\"}");
        assertThat(withId.applicationId()).isEqualTo("0b9c7e2a-1111-4c1e-9d3f-2a2ae2dbcce4");
    }

    @Test
    void jobDetails() throws IOException {
        Job swagger = SrJson.parseJob(read("job-details.json"));
        assertThat(swagger.id()).isEqualTo("3588f6b0-ae55-4c10-aaa5-2903ee3a7fe6");
        assertThat(swagger.title()).isEqualTo("Retrieve job");
        assertThat(swagger.status()).isEqualTo("CREATED");
        assertThat(swagger.hiringProcessId()).isNull();

        Job recorded = SrJson.parseJob(read("job-details.slink-fixture.json"));
        assertThat(recorded.title()).isEqualTo("Front End Engineer");
        assertThat(recorded.status()).isEqualTo("OFFER");
        assertThat(recorded.department()).isEqualTo("Buildit Front End Engineering");
        assertThat(recorded.location()).isEqualTo("Denver, United States");
    }

    @Test
    void jobsList() throws IOException {
        var page = SrJson.parseJobPage(read("jobs-list.json"));
        assertThat(SrJson.jobsOf(page)).extracting(Job::title).containsExactly("New job");
        assertThat(page.nextPageId()).isEqualTo("string");
    }

    @Test
    void errorBodies() {
        SrJson.ErrorInfo sr = SrJson.parseError(404, read("error-404.slink-fixture.json"));
        assertThat(sr.code()).isEqualTo("some code");
        assertThat(sr.message()).isEqualTo("some return message");

        SrJson.ErrorInfo legacy = SrJson.parseError(400, read("error-400.marketplace-api-legacy.sr-docs.json"));
        assertThat(legacy.code()).isEqualTo("invalid_industry");
        assertThat(legacy.message()).isEqualTo("Industry id is invalid: computer_scienc");

        assertThat(SrJson.parseError(502, "<html><body>Bad gateway</body></html>")).isEqualTo(new SrJson.ErrorInfo(null, null));
        assertThat(SrJson.parseError(500, "")).isEqualTo(new SrJson.ErrorInfo(null, null));
        assertThat(SrJson.parseError(400, "[1,2]")).isEqualTo(new SrJson.ErrorInfo(null, null));
        assertThat(SrJson.parseError(400, "{\"errors\":\"odd\",\"message\":\"m\"}").message()).isEqualTo("m");
    }

    @Test
    void stackOnePackages() throws IOException {
        StackOneJson.PackagePage page = StackOneJson.parsePackages("stackone", read("stackone-assessments-packages-list.json"));
        assertThat(page.packages()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("8187e5da-dc77-475e-9949-af0f1fa4e4e3");
            assertThat(p.name()).isEqualTo("Test 1");
            assertThat(p.partnerId()).isEqualTo("stackone");
        });
        assertThat(page.packages()).extracting(AssessmentPackage::expectedMinutes).containsExactly(0);
        assertThat(page.next()).isEqualTo("string");
    }

    @Test
    void stackOneOrders() throws IOException {
        StackOneJson.CreatedOrder created = StackOneJson.parseCreatedOrder(read("stackone-assessments-order-created.json"));
        assertThat(created.id()).isEqualTo("8187e5da-dc77-475e-9949-af0f1fa4e4e3");
        assertThat(created.testUrl()).isEqualTo("https://exmaple.com/integrations/candidate/test");

        StackOneJson.Order got = StackOneJson.parseOrder(read("stackone-assessments-order-get.json"));
        assertThat(got.packageName()).isEqualTo("Test 1");
        assertThat(got.applicationStatus()).isEqualTo("hired");
        assertThat(got.jobTitle()).isEqualTo("Software Engineer");
        assertThat(got.candidateEmails()).containsExactly("candidate.one@example.com");
        assertThat(got.requesterEmail()).isEqualTo("john.doe@example.com");

        StackOneJson.Order request = StackOneJson.parseOrder(read("stackone-assessments-order-request.json"));
        assertThat(request).as("the unwrapped request reads like the wrapped answer")
                .usingRecursiveComparison().ignoringFields("remoteId").isEqualTo(got);
        assertThat(request.remoteId()).as("the request has no remote id of its own").isNull();
    }

    @Test
    void stackOneResult() throws IOException {
        StackOneJson.Result r = StackOneJson.parseResult(read("stackone-assessments-result-update-request.json"));
        assertThat(r.score().value()).isEqualTo("80");
        assertThat(r.score().normalised()).contains(80.0);
        assertThat(r.status().kind()).isEqualTo(OrderStatus.Kind.PASSED);
        assertThat(r.summary()).isEqualTo("Test is passed");
        assertThat(r.resultUrl()).isEqualTo("https://exmaple.com/result?id=xyz");
        assertThat(r.attachments()).singleElement().satisfies(a -> {
            assertThat(a.url()).isEqualTo("http://example.com/resume.pdf");
            assertThat(a.contentType()).isEqualTo("Text");
        });
        assertThat(r.submittedOn()).isEqualTo(Instant.parse("2021-01-01T01:01:01Z"));

        StackOneJson.Ack ack = StackOneJson.parseAck(read("stackone-update-result-response.json"));
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.message()).isEqualTo("Record updated successfully.");
    }
}
