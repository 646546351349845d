package dev.recruitdesk.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The simulator is an independent reading of SmartRecruiters: it must not lean on the app's own classes. A scan of
 * the sources (imports and fully qualified names alike) is enough and far cheaper than a bytecode analysis.
 */
class SimulatorIndependenceTest {

    private static final Pattern OTHER_PACKAGE =
            Pattern.compile("dev\\.recruitdesk\\.(?!simulator\\b)\\w+|\\bjavafx\\.");

    @Test
    void simulatorSourcesReferenceNoOtherRecruitDeskPackageNorJavaFx() throws IOException {
        Path dir = Path.of("src", "main", "java", "dev", "recruitdesk", "simulator");
        List<String> offenders = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(dir)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path p : sources) {
            Matcher m = OTHER_PACKAGE.matcher(Files.readString(p, StandardCharsets.UTF_8));
            while (m.find()) {
                offenders.add(p.getFileName() + ": " + m.group());
            }
        }
        assertThat(sources).hasSizeGreaterThan(10);
        assertThat(offenders).isEmpty();
    }
}
