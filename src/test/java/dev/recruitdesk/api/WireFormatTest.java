package dev.recruitdesk.api;

import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.OrderStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract's own shapes (orders, dates, retry hints, encoding), without a server. */
class WireFormatTest {

    @Test
    void datesAreReadLeniently() {
        Instant t = Instant.parse("2013-10-20T18:20:30Z");
        assertThat(SrDates.parse("2013-10-20T19:20:30+01:00")).isEqualTo(t);
        assertThat(SrDates.parse("2013-10-20T19:20:30+0100")).isEqualTo(t);
        assertThat(SrDates.parse("2013-10-20T18:20:30Z")).isEqualTo(t);
        assertThat(SrDates.parse("2013-10-20T18:20:30.000z")).isEqualTo(t);
        assertThat(SrDates.parse("2013-10-20T18:20:30")).as("no offset means UTC").isEqualTo(t);
        assertThat(SrDates.parse("2013-10-20T18:20Z")).isEqualTo(Instant.parse("2013-10-20T18:20:00Z"));
        assertThat(SrDates.parse("2013-03-07T13:34:40.135+0000")).isEqualTo(Instant.parse("2013-03-07T13:34:40.135Z"));
        assertThat(SrDates.parse("2026-12-03T13:04:50.123456789Z")).isEqualTo(Instant.parse("2026-12-03T13:04:50.123456789Z"));
        assertThat(SrDates.parse("2026-12-03T13:04:50.1Z")).isEqualTo(Instant.parse("2026-12-03T13:04:50.100Z"));
        assertThat(SrDates.parse("2024-02-29T23:59:59.999Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.999Z"));
        assertThat(SrDates.parse("2026-02-31T10:00:00Z")).as("no such day").isNull();
        assertThat(SrDates.parse("2026-13-01T10:00:00Z")).isNull();
        assertThat(SrDates.parse("2026-12-03T1x:04:50Z")).isNull();
        assertThat(SrDates.parse("2018-02-01")).isEqualTo(Instant.parse("2018-02-01T00:00:00Z"));
        assertThat(SrDates.parse("string")).isNull();
        assertThat(SrDates.parse("  ")).isNull();
        assertThat(SrDates.parse(null)).isNull();
        assertThat(SrDates.format(Instant.parse("2026-12-03T13:04:50.123Z"))).isEqualTo("2026-12-03T13:04:50.123Z");
        assertThat(SrDates.format(Instant.parse("2026-12-03T13:04:50Z"))).isEqualTo("2026-12-03T13:04:50.000Z");
        assertThat(SrDates.format(Instant.parse("2026-12-03T13:04:50.123999Z"))).isEqualTo("2026-12-03T13:04:50.123Z");
    }

    @Test
    void retryAfterInSecondsOrAsDate() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T13:00:00Z"), ZoneOffset.UTC);
        assertThat(RetryAfter.parse("3", clock)).contains(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse(" 0 ", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("1.5", clock)).contains(Duration.ofMillis(1500));
        assertThat(RetryAfter.parse("Thu, 03 Dec 2026 13:00:07 GMT", clock)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("Thu, 03 Dec 2026 12:59:00 GMT", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.parse("-4", clock)).isEmpty();
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
    }

    @Test
    void queryValuesAreEncodedOnceAndRepeated() {
        String q = new UrlParts().add("limit", "100").add("pageId", "YWJj+/=%3D").add("q", "ana maria")
                .addAll("status", List.of("NEW", "IN_REVIEW")).add("skip", null).add("empty", "").query();
        assertThat(q).isEqualTo("limit=100&pageId=YWJj%2B%2F%3D%253D&q=ana%20maria&status=NEW&status=IN_REVIEW");
        assertThat(StubServer.decode(q).get("pageId")).containsExactly("YWJj+/=%3D");
        assertThat(UrlParts.segment("a b/c")).isEqualTo("a%20b%2Fc");
    }

    @Test
    void orderWithResultAndUnknownStatus() throws IOException {
        String json = """
                {"id":"o-1","applicationId":"a-1","candidateId":"c-1","jobId":"j-1",
                 "partner":{"id":"stackone","name":"StackOne Assessments"},
                 "package":{"id":"p-1","name":"Java","type":"SKILLS_TEST"},
                 "status":"AWAITING_REVIEW","createdOn":"2026-12-03T13:04:50.123Z","updatedOn":"2026-12-03T14:04:50+01:00",
                 "statusHistory":[{"status":"SENT","changedOn":"2026-12-03T13:04:50.123Z"},{"status":"AWAITING_REVIEW","changedOn":"2026-12-03T13:05:00Z"}],
                 "result":{"score":{"label":"Grade","value":"B+"},"summary":"Good","resultUrl":"http://127.0.0.1:1/reports/o-1?t=x",
                           "attachments":[{"id":"att-1","name":"report.pdf","contentType":"application/pdf","url":"http://127.0.0.1:1/x"}]},
                 "requester":{"email":"r@example.com"},"somethingNew":{"a":1}}""";
        AssessmentOrder o = SrJson.parseOrder(json, "key-1");
        assertThat(o.id()).isEqualTo("o-1");
        assertThat(o.idempotencyKey()).isEqualTo("key-1");
        assertThat(o.partnerName()).isEqualTo("StackOne Assessments");
        assertThat(o.packageName()).isEqualTo("Java");
        assertThat(o.status().raw()).isEqualTo("AWAITING_REVIEW");
        assertThat(o.status().kind()).isEqualTo(OrderStatus.Kind.UNKNOWN);
        assertThat(o.updatedOn()).isEqualTo(Instant.parse("2026-12-03T13:04:50Z"));
        assertThat(o.history()).hasSize(2);
        assertThat(o.score().asGiven()).isEqualTo("B+");
        assertThat(o.score().normalised()).isEmpty();
        assertThat(o.attachments()).singleElement().extracting(a -> a.name()).isEqualTo("report.pdf");
        assertThat(o.reportUrl()).endsWith("/reports/o-1?t=x");

        AssessmentOrder numeric = SrJson.parseOrder("{\"id\":\"o-3\",\"result\":{\"score\":{\"value\":82,\"min\":0,\"max\":100}}}");
        assertThat(numeric.score().normalised()).as("numbers where strings were expected").contains(82.0);
        assertThat(numeric.status().raw()).isEqualTo("UNKNOWN");

        AssessmentOrder pending = SrJson.parseOrder("{\"id\":\"o-2\",\"status\":\"SENT\"}");
        assertThat(pending.score()).isNull();
        assertThat(pending.attachments()).isEmpty();
        assertThat(pending.status()).isEqualTo(OrderStatus.SENT);
    }

    @Test
    void listsOfTheAssessmentApi() throws IOException {
        assertThat(SrJson.parsePartners("""
                {"totalFound":2,"content":[{"id":"stackone-skills","name":"Skills","type":"SKILLS_TEST","integration":"stackone"},
                {"id":"x","name":"X","type":"SOMETHING_NEW"}]}""")).extracting(p -> p.type())
                .containsExactly("SKILLS_TEST", "SOMETHING_NEW");
        assertThat(SrJson.parsePackages("px", """
                {"totalFound":1,"content":[{"id":"p1","name":"Java","description":"d","type":"SKILLS_TEST","expectedMinutes":45}]}"""))
                .singleElement().satisfies(p -> {
                    assertThat(p.partnerId()).isEqualTo("px");
                    assertThat(p.expectedMinutes()).isEqualTo(45);
                });
        assertThat(SrJson.parseOrders("{\"totalFound\":0,\"content\":[]}")).isEmpty();
        assertThat(SrJson.parseHiringProcesses("""
                {"totalFound":1,"content":[{"id":"hp1","name":"Default","active":true,
                 "subStatuses":{"IN_REVIEW":["Skills Test"],"INTERVIEW":[],"OFFERED":null}}]}"""))
                .singleElement().satisfies(hp -> {
                    assertThat(hp.stepsByStatus().get("IN_REVIEW")).containsExactly("Skills Test");
                    assertThat(hp.stepsByStatus().get("OFFERED")).isEmpty();
                });
        var status = SrJson.parseIntegration("""
                {"id":"stackone","name":"StackOne Assessments","status":"CONNECTED","email":"a@b.co","connectedOn":"2026-12-03T13:00:00Z"}""");
        assertThat(status.connected()).isTrue();
        assertThat(SrJson.parseIntegration("{\"status\":\"NOT_CONNECTED\"}").connected()).isFalse();
        assertThat(SrJson.parseWhoAmI("{\"id\":\"u1\",\"firstName\":\"Ana\",\"lastName\":\"Ruiz\"}")).isEqualTo("Ana Ruiz");
        assertThat(SrJson.parseWhoAmI("{\"id\":\"u1\",\"email\":\"ana@example.com\"}")).isEqualTo("ana@example.com");
    }

    @Test
    void pageEndsOnMissingEmptyOrBlankNextPageIdButNotOnEmptyContent() throws IOException {
        assertThat(SrJson.parseCandidatePage(TestSupport.candidatesPage("", "a")).nextPageId()).isNull();
        assertThat(SrJson.parseCandidatePage(TestSupport.candidatesPage(null, "a")).nextPageId()).isNull();
        assertThat(SrJson.parseCandidatePage("{\"nextPageId\":null,\"content\":[{\"id\":\"a\"}]}").nextPageId()).isNull();
        // An empty page mid-listing still names the next one (issue 4): the caller goes on.
        assertThat(SrJson.parseCandidatePage(TestSupport.candidatesPage("more")).nextPageId()).isEqualTo("more");
        assertThat(SrJson.parseCandidatePage(TestSupport.candidatesPage("more", "a")).nextPageId()).isEqualTo("more");
        assertThat(SrJson.parseCandidatePage("{\"content\":null}").content()).isEmpty();
    }
}
