package dev.recruitdesk.app;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JvmOptionsTest {

    @Test
    void dropsCommentsAndBlankLines() {
        assertThat(JvmOptions.parse(List.of("# heap", "-Xmx320m  # cap", "", "  -XX:+UseSerialGC ")))
                .containsExactly("-Xmx320m", "-XX:+UseSerialGC");
    }

    @Test
    void theShippedListCapsTheHeap() {
        assertThat(JvmOptions.load()).anyMatch(o -> o.startsWith("-Xmx")).allMatch(o -> o.startsWith("-"));
    }
}
