package dev.recruitdesk.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DomainRulesTest {

    @ParameterizedTest
    @CsvSource({"SENT,SENT", "new,SENT", "initiated,SENT", "In Progress,IN_PROGRESS", "in_progress,IN_PROGRESS",
            "COMPLETED,COMPLETED", "passed,PASSED", "Expired,EXPIRED", "canceled,CANCELLED", "failed,FAILED",
            "ON_HOLD,UNKNOWN", "SENDING,SENDING"})
    void statusesFromEveryVocabularyMapToAKind(String raw, OrderStatus.Kind kind) {
        assertThat(OrderStatus.of(raw).kind()).isEqualTo(kind);
    }

    @Test
    void unknownStatusIsKeptRawAndStaysOpen() {
        OrderStatus s = OrderStatus.of("  AWAITING_REVIEWER ");
        assertThat(s.raw()).isEqualTo("AWAITING_REVIEWER");
        assertThat(s.kind()).isEqualTo(OrderStatus.Kind.UNKNOWN);
        assertThat(s.isOpen()).isTrue();
        assertThat(OrderStatus.of(null).raw()).isEqualTo("UNKNOWN");
        assertThat(OrderStatus.COMPLETED.isOpen()).isFalse();
    }

    @Test
    void scoreNormalisesOnlyWhenTheRangeIsKnown() {
        assertThat(new Score("Percentage", "80", "0", "100").normalised()).contains(80.0);
        assertThat(new Score(null, "7", "1", "10").normalised()).contains(66.7);
        assertThat(new Score(null, "85%", "0", "100").normalised()).contains(85.0);
        assertThat(new Score(null, "B+", null, null).normalised()).isEmpty();
        assertThat(new Score(null, "150", "0", "100").normalised()).isEmpty();
        assertThat(new Score(null, "5", "10", "10").normalised()).isEmpty();
        assertThat(new Score(null, "B+", null, null).asGiven()).isEqualTo("B+");
        assertThat(new Score(null, "82", "0", "100").asGiven()).isEqualTo("82 / 100");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana@acme.com", "  ana.kowalska@firma.pl\n", "łukasz@przykład.pl", "a+b@x.io"})
    void goodEmails(String email) {
        assertThat(Validation.email(email)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ana", "ana@", "@acme.com", "ana@acme", "ana @acme.com", "a@b.c"})
    void badEmails(String email) {
        assertThat(Validation.email(email)).isPresent();
    }

    @Test
    void baseUrlMustBeHttpsUnlessLocal() {
        assertThat(Validation.baseUrl("https://api.smartrecruiters.com")).isEmpty();
        assertThat(Validation.baseUrl("http://127.0.0.1:8080")).isEmpty();
        assertThat(Validation.baseUrl("http://localhost:8080")).isEmpty();
        assertThat(Validation.baseUrl("http://api.smartrecruiters.com")).get().asString().contains("https");
        assertThat(Validation.baseUrl("javascript:alert(1)")).isPresent();
        assertThat(Validation.baseUrl("")).isPresent();
        assertThat(Validation.baseUrl("not a url")).isPresent();
        // found by a first-use test: an internationalised host was "missing"
        assertThat(Validation.baseUrl("https://пример.рф/api")).isEmpty();
        assertThat(Validation.asciiHost("https://пример.рф:8443/x")).isEqualTo("https://xn--e1afmkfd.xn--p1ai:8443/x");
    }

    @Test
    void onlyWebLinksAreOpenable() {
        assertThat(Validation.isWebLink("https://reports.example.com/r/1")).isTrue();
        assertThat(Validation.isWebLink("http://127.0.0.1:9/reports/1?t=x")).isTrue();
        assertThat(Validation.isWebLink("file:///etc/passwd")).isFalse();
        assertThat(Validation.isWebLink("javascript:alert(1)")).isFalse();
        assertThat(Validation.isWebLink("")).isFalse();
        assertThat(Validation.isWebLink(null)).isFalse();
    }

    @Test
    void pastedSecretsLoseTheirWhitespace() {
        assertThat(Validation.cleanPasted("  tok-123\r\n")).isEqualTo("tok-123");
        assertThat(Validation.cleanPasted("tok-\n123")).isEqualTo("tok-123");
        assertThat(Validation.cleanPasted(null)).isEmpty();
    }

    @Test
    void credentialsNeverPrintTheirSecret() {
        assertThat(new Credentials.ApiKey("s3cr3t").toString()).doesNotContain("s3cr3t");
        assertThat(new Credentials.OAuthClient("id", "s3cr3t").toString()).doesNotContain("s3cr3t");
    }

    @Test
    void candidateDisplayNameFallsBack() {
        assertThat(new Candidate("1", "Ана", "Петрова", "a@x.io", null, null, null, null, null, null).displayName()).isEqualTo("Ана Петрова");
        assertThat(new Candidate("1", " ", null, "a@x.io", null, null, null, null, null, null).displayName()).isEqualTo("a@x.io");
    }
}
