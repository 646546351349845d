package dev.recruitdesk.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatorCandidatesTest {

    private static Simulator sim;
    private static SimClient client;

    @BeforeAll
    static void start() throws Exception {
        sim = Simulator.start(SimulatorConfig.builder().rateLimit(false).partnerPace(Duration.ofHours(1)).build());
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static List<JsonNode> pageThrough(String filters) {
        List<JsonNode> all = new ArrayList<>();
        String pageId = null;
        for (int pages = 0; pages < 1000; pages++) {
            JsonNode page = client.getJson("/candidates?limit=100" + filters
                    + (pageId == null ? "" : "&pageId=" + SimClient.enc(pageId)));
            page.path("content").forEach(all::add);
            pageId = page.path("nextPageId").asText("");
            if (pageId.isEmpty() || page.path("content").isEmpty()) {
                return all;
            }
        }
        throw new AssertionError("listing did not end");
    }

    @Test
    void pagingThroughAllCandidatesGivesEachExactlyOnceInUpdatedOrder() {
        List<JsonNode> all = pageThrough("");
        Set<String> ids = new HashSet<>();
        all.forEach(c -> ids.add(c.path("id").asText()));
        assertThat(sim.candidateCount()).isEqualTo(500);
        assertThat(all).hasSize(500);
        assertThat(ids).hasSize(500);
        for (int i = 1; i < all.size(); i++) {
            String prev = all.get(i - 1).path("updatedOn").asText();
            String cur = all.get(i).path("updatedOn").asText();
            assertThat(cur.compareTo(prev)).isGreaterThanOrEqualTo(0);
        }
        JsonNode first = all.get(0);
        assertThat(first.path("primaryAssignment").path("job").path("title").asText()).isNotBlank();
        assertThat(first.path("actions").path("details").path("url").asText())
                .isEqualTo(sim.baseUrl() + "/candidates/" + first.path("id").asText());
    }

    @Test
    void lastPageOfAnUnfilteredListingHasNoNextPageId() {
        JsonNode page = client.getJson("/candidates?limit=100");
        assertThat(page.path("totalFound").asInt()).isEqualTo(500);
        String pageId = page.path("nextPageId").asText();
        JsonNode last = null;
        while (!pageId.isEmpty()) {
            last = client.getJson("/candidates?limit=100&pageId=" + SimClient.enc(pageId));
            pageId = last.path("nextPageId").asText("");
        }
        assertThat(last).isNotNull();
        assertThat(last.has("nextPageId")).isFalse();
    }

    @Test
    void sameSeedGivesIdenticalFirstPagesAndAnotherSeedDoesNot() throws Exception {
        SimulatorConfig.Builder b = SimulatorConfig.builder().rateLimit(false).partnerPace(Duration.ofHours(1));
        try (Simulator a = Simulator.start(b.seed(7).build()); Simulator a2 = Simulator.start(b.seed(7).build());
             Simulator other = Simulator.start(b.seed(8).build())) {
            String pa = new String(new SimClient(a).get("/candidates?limit=100").body(), "UTF-8")
                    .replace(a.baseUrl().toString(), "BASE");
            String pa2 = new String(new SimClient(a2).get("/candidates?limit=100").body(), "UTF-8")
                    .replace(a2.baseUrl().toString(), "BASE");
            String po = new String(new SimClient(other).get("/candidates?limit=100").body(), "UTF-8")
                    .replace(other.baseUrl().toString(), "BASE");
            assertThat(pa).isEqualTo(pa2).isNotEqualTo(po);
            assertThat(a.apiKey()).isEqualTo(a2.apiKey()).isNotEqualTo(other.apiKey());
        }
    }

    @Test
    void namesComeInManyScriptsWithUniqueAsciiEmails() {
        List<JsonNode> all = pageThrough("");
        StringBuilder names = new StringBuilder();
        Set<String> emails = new HashSet<>();
        for (JsonNode c : all) {
            names.append(c.path("firstName").asText()).append(' ').append(c.path("lastName").asText()).append('\n');
            String email = c.path("email").asText();
            assertThat(email).matches("[a-z0-9.+]+@[a-z.]+");
            emails.add(email);
        }
        assertThat(emails).hasSize(all.size());
        String text = names.toString();
        assertThat(text).as("Cyrillic").containsPattern("\\p{IsCyrillic}");
        assertThat(text).as("CJK").containsPattern("\\p{IsHan}");
        assertThat(text).as("Arabic").containsPattern("\\p{IsArabic}");
        assertThat(text).as("Latin diacritics").containsPattern("[ąćęłńóśźżäöüßéèçñáíúčřšžě]");
    }

    @Test
    void aQuarterOfCandidatesHaveSecondaryAssignments() {
        List<JsonNode> all = pageThrough("");
        long withSecondary = all.stream().filter(c -> c.path("secondaryAssignments").size() > 0).count();
        assertThat(withSecondary).isBetween(75L, 175L);
    }

    @Test
    void limitOutsideOneToHundredIsRejected() {
        for (String limit : List.of("0", "101", "abc")) {
            HttpResponse<byte[]> r = client.get("/candidates?limit=" + limit);
            assertThat(r.statusCode()).as("limit=" + limit).isEqualTo(400);
            assertThat(SimClient.tree(r).path("errors").get(0).path("code").asText()).isEqualTo("INVALID_PARAMETER");
        }
        assertThat(client.get("/candidates?limit=1").statusCode()).isEqualTo(200);
        assertThat(client.get("/candidates?limit=100").statusCode()).isEqualTo(200);
    }

    @Test
    void aForgedPageIdIsRejected() {
        assertThat(client.get("/candidates?pageId=bm90LWEtY3Vyc29y").statusCode()).isEqualTo(400);
    }

    @Test
    void qMatchesNamesAndEmailsCaseInsensitivelyAndEndsWithAnEmptyNextPageId() {
        JsonNode someone = client.getJson("/candidates?limit=1").path("content").get(0);
        String last = someone.path("lastName").asText();
        String emailPart = someone.path("email").asText().substring(0, 4).toUpperCase(java.util.Locale.ROOT);
        List<JsonNode> byName = pageThrough("&q=" + SimClient.enc(last.toUpperCase(java.util.Locale.ROOT)));
        assertThat(byName).extracting(c -> c.path("id").asText()).contains(someone.path("id").asText());
        assertThat(byName).allSatisfy(c -> assertThat((c.path("firstName").asText() + " " + c.path("lastName")
                .asText() + " " + c.path("email").asText()).toLowerCase(java.util.Locale.ROOT))
                .contains(last.toLowerCase(java.util.Locale.ROOT)));
        List<JsonNode> byEmail = pageThrough("&q=" + SimClient.enc(emailPart));
        assertThat(byEmail).isNotEmpty().hasSizeLessThan(500);
        JsonNode page = client.getJson("/candidates?limit=100&q=" + SimClient.enc(emailPart));
        assertThat(page.path("totalFound").asInt()).isEqualTo(byEmail.size());
        assertThat(page.path("nextPageId").isTextual()).isTrue();
        assertThat(page.path("nextPageId").asText()).isEmpty();
    }

    @Test
    void jobAndStatusFiltersNarrowTheListing() {
        JsonNode jobs = client.getJson("/jobs?limit=100");
        String jobId = jobs.path("content").get(0).path("id").asText();
        List<JsonNode> onJob = pageThrough("&jobId=" + jobId);
        assertThat(onJob).isNotEmpty().hasSizeLessThan(500);
        List<JsonNode> newOnes = pageThrough("&status=NEW");
        assertThat(newOnes).isNotEmpty().hasSizeLessThan(500);
        assertThat(newOnes).allSatisfy(c -> {
            JsonNode details = client.getJson("/candidates/" + c.path("id").asText());
            List<String> statuses = new ArrayList<>();
            statuses.add(details.path("primaryAssignment").path("status").asText());
            details.path("secondaryAssignments").forEach(s -> statuses.add(s.path("status").asText()));
            assertThat(statuses).contains("NEW");
        });
        assertThat(client.get("/candidates?status=NOT_A_STATUS").statusCode()).isEqualTo(400);
    }

    @Test
    void updatedAfterIsExclusiveAndFindsTouchedCandidates() {
        List<JsonNode> all = pageThrough("");
        JsonNode pivot = all.get(449);
        String after = pivot.path("updatedOn").asText();
        List<JsonNode> later = pageThrough("&updatedAfter=" + SimClient.enc(after));
        assertThat(later).allSatisfy(c -> assertThat(c.path("updatedOn").asText()).isGreaterThan(after));
        long expected = all.stream().filter(c -> c.path("updatedOn").asText().compareTo(after) > 0).count();
        assertThat(later).hasSize((int) expected);
        // The "+0000" offset style reads the same instant.
        String compact = after.replace("Z", "+0000");
        assertThat(pageThrough("&updatedAfter=" + SimClient.enc(compact))).hasSize((int) expected);

        String newest = all.get(all.size() - 1).path("updatedOn").asText();
        assertThat(pageThrough("&updatedAfter=" + SimClient.enc(newest))).isEmpty();
        sim.touchCandidates(0.02);
        List<JsonNode> touched = pageThrough("&updatedAfter=" + SimClient.enc(newest));
        assertThat(touched).hasSize(10);
        assertThat(Instant.parse(touched.get(0).path("updatedOn").asText()))
                .isAfter(Instant.parse(newest));
        assertThat(pageThrough("")).hasSize(500);
    }

    @Test
    void candidateDetailsAndApplicationCarryTheApplicationId() {
        JsonNode c = client.getJson("/candidates?limit=1").path("content").get(0);
        String id = c.path("id").asText();
        JsonNode details = client.getJson("/candidates/" + id);
        assertThat(details.path("phoneNumber").asText()).startsWith("+");
        assertThat(details.path("education").isArray()).isTrue();
        assertThat(details.path("experience").size()).isPositive();
        String jobId = details.path("primaryAssignment").path("job").path("id").asText();
        JsonNode app = client.getJson("/candidates/" + id + "/jobs/" + jobId);
        assertThat(app.path("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(app.path("status").asText()).isEqualTo(details.path("primaryAssignment").path("status").asText());
        assertThat(client.get("/candidates/nope").statusCode()).isEqualTo(404);
        assertThat(client.get("/candidates/" + id + "/jobs/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void jobsPageAndLinkToHiringProcesses() {
        JsonNode first = client.getJson("/jobs?limit=10");
        assertThat(first.path("totalFound").asInt()).isEqualTo(24);
        Set<String> ids = new HashSet<>();
        JsonNode page = first;
        while (true) {
            page.path("content").forEach(j -> ids.add(j.path("id").asText()));
            String next = page.path("nextPageId").asText("");
            if (next.isEmpty()) {
                break;
            }
            page = client.getJson("/jobs?limit=10&pageId=" + SimClient.enc(next));
        }
        assertThat(ids).hasSize(24);
        JsonNode processes = client.getJson("/configuration/hiring-processes");
        Set<String> processIds = new HashSet<>();
        processes.path("content").forEach(p -> processIds.add(p.path("id").asText()));
        assertThat(processes.path("content").size()).isGreaterThanOrEqualTo(2);
        assertThat(processes.toString()).contains("\"IN_REVIEW\":[").contains("Skills Test");
        for (String id : ids) {
            JsonNode job = client.getJson("/jobs/" + id);
            assertThat(processIds).contains(job.path("hiringProcess").path("id").asText());
            assertThat(job.path("department").path("label").asText()).isNotBlank();
        }
    }
}
