package dev.recruitdesk.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cheap checks of the packaging files that catch mistakes before a slow jpackage run does: the module list, the
 * metadata agreeing with the pom, shell syntax, the menu entry and the smoke-test probes compiling.
 * The real proof is packaging/smoke-test.sh (installs the .deb; needs root and Xvfb, so not part of `mvn test`).
 */
class PackagingFilesTest {

    private static final Path PACKAGING = Path.of("packaging");

    @Test
    void runtimeModuleListHasWhatTheAppNeedsAndOnlyModulesThisJdkHas() throws IOException {
        List<String> modules = runtimeModules();
        // jdeps cannot see these (service providers, or used only by code loaded at run time): losing one breaks
        // HTTPS, the embedded simulator, locale data or zip reading in the installed app only.
        assertThat(modules).contains("java.base", "java.net.http", "jdk.crypto.ec", "jdk.httpserver", "java.sql",
                "java.naming", "java.management", "java.desktop", "jdk.unsupported", "jdk.unsupported.desktop",
                "jdk.localedata", "jdk.zipfs", "java.scripting", "java.xml", "java.logging", "jdk.jfr", "java.prefs");
        assertThat(modules).doesNotHaveDuplicates();
        for (String module : modules) {
            assertThat(ModuleFinder.ofSystem().find(module)).as("module %s exists in the JDK", module).isPresent();
        }
    }

    @Test
    void everyJdkModuleTheAppCodeUsesIsInTheRuntime() throws IOException {
        // The app's own classes only (the libraries' needs are cross-checked by build-linux.sh): a new import of,
        // say, java.util.prefs fails here in `mvn test` instead of as a NoClassDefFoundError in the installed app.
        Path classes = Path.of("target/classes");
        assertThat(classes.resolve("dev/recruitdesk")).isDirectory();
        var jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        var out = new StringWriter();
        // -summary (lines "classes -> module") is three times faster than --print-module-deps.
        int result = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "-summary", "--multi-release", "17", classes.toString());
        assertThat(result).as("jdeps: %s", out).isZero();
        List<String> used = out.toString().lines()
                .map(line -> line.replaceFirst("^.*->\\s*", "").strip())
                .filter(module -> module.matches("(java|jdk)\\.[\\w.]+"))
                .toList();
        assertThat(used).as("jdeps found modules in %s", out).contains("java.base");
        assertThat(runtimeModules()).containsAll(used);
    }

    @Test
    void appMetadataAgreesWithThePom() throws IOException {
        Properties app = appProperties();
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        assertThat(app.getProperty("MAIN_CLASS")).isEqualTo(pomValue(pom, "main.class"));
        assertThat(app.getProperty("MAIN_JAR")).isEqualTo(pomValue(pom, "finalName") + ".jar");
        assertThat(app.getProperty("PACKAGE_NAME")).matches("[a-z0-9][a-z0-9.+-]+"); // Debian package name rules
        assertThat(app.getProperty("WIN_UPGRADE_UUID"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(app.getProperty("DEB_MAINTAINER")).contains("@").doesNotContain("<");
    }

    @Test
    void menuEntryIsAnOfficeApplicationWithJpackagePlaceholders() throws IOException {
        List<String> lines = Files.readAllLines(PACKAGING.resolve("linux/RecruitDesk.desktop"));
        assertThat(lines).first().isEqualTo("[Desktop Entry]");
        assertThat(lines).contains("Type=Application", "Categories=Office;", "Name=APPLICATION_NAME",
                "Exec=APPLICATION_LAUNCHER", "Icon=APPLICATION_ICON", "Terminal=false");
    }

    @Test
    void debMaintainerScriptsKeepJpackagesMenuCommandsButNeverFailOnThem() throws IOException {
        String postinst = Files.readString(PACKAGING.resolve("linux/postinst"));
        String prerm = Files.readString(PACKAGING.resolve("linux/prerm"));
        assertThat(postinst).contains("DESKTOP_COMMANDS_INSTALL", "if ! install_menu_entry", "/usr/share/applications/");
        assertThat(prerm).contains("DESKTOP_COMMANDS_UNINSTALL", "uninstall_menu_entry >/dev/null 2>&1 || true");
        assertThat(Files.isExecutable(PACKAGING.resolve("linux/postinst"))).isTrue();
        assertThat(Files.isExecutable(PACKAGING.resolve("linux/prerm"))).isTrue();
    }

    @Test
    void rpmSpecKeepsTheMenuEntryOnUpgradeAndOwnsNoSystemFolders() throws IOException {
        String spec = Files.readString(PACKAGING.resolve("linux/recruitdesk.spec"));
        assertThat(spec).contains("DESKTOP_COMMANDS_INSTALL", "DESKTOP_COMMANDS_UNINSTALL", "if [ \"$1\" = 0 ]; then",
                "echo %{default_filesystem} | tr ' ' '\\n'", "%files -f %{package_filelist}");
        assertThat(spec.lines().filter(line -> line.startsWith("#")))
                .as("no macro signs in comments: rpm expands them there too")
                .noneMatch(line -> line.contains("%"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"packaging/build-linux.sh", "packaging/smoke-test.sh", "packaging/macos/build-macos.sh",
            "icons/build-icons.sh", "packaging/lib.sh", "packaging/linux/postinst", "packaging/linux/prerm"})
    void shellScriptsParse(String script) throws Exception {
        Path path = Path.of(script);
        assertThat(path).exists();
        if (!script.endsWith("lib.sh")) {
            assertThat(Files.isExecutable(path)).as("%s is executable", script).isTrue();
        }
        String shell = script.contains("/linux/") ? "sh" : "bash";
        Process check = new ProcessBuilder(shell, "-n", script).redirectErrorStream(true).start();
        assertThat(check.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.exitValue()).as("%s -n %s: %s", shell, script, output).isZero();
    }

    @Test
    void smokeTestProbesCompileForJava17(@TempDir Path classes) {
        var compiler = javax.tools.ToolProvider.getSystemJavaCompiler();
        int result = compiler.run(null, null, null, "--release", "17", "-d", classes.toString(),
                PACKAGING.resolve("probes/HttpsProbe.java").toString(),
                PACKAGING.resolve("probes/HttpsProbeServer.java").toString());
        assertThat(result).isZero();
        assertThat(classes.resolve("HttpsProbe.class")).exists();
    }

    @Test
    void installerWorkflowBuildsOnAllThreeSystems() throws IOException {
        String workflow = Files.readString(Path.of(".github/workflows/installers.yml"));
        assertThat(workflow).contains("runs-on: ubuntu-latest", "runs-on: windows-latest", "runs-on: macos-latest",
                "packaging/build-linux.sh", "packaging/smoke-test.sh", "packaging/windows/build-windows.ps1",
                "packaging/macos/build-macos.sh");
        assertThat(Files.readString(PACKAGING.resolve("windows/msi.jpackage"))).contains("--icon icons/recruitdesk.ico");
        assertThat(Files.readString(PACKAGING.resolve("macos/dmg.jpackage"))).contains("--icon icons/recruitdesk.icns");
    }

    static List<String> runtimeModules() throws IOException {
        return Files.readAllLines(PACKAGING.resolve("jlink-modules.txt")).stream()
                .map(line -> line.replaceFirst("#.*", "").strip())
                .filter(line -> !line.isEmpty())
                .toList();
    }

    private static Properties appProperties() throws IOException {
        var properties = new Properties();
        try (var reader = Files.newBufferedReader(PACKAGING.resolve("app.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    private static String pomValue(String pom, String element) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(element) + ">([^<]+)</").matcher(pom);
        assertThat(matcher.find()).as("pom has <%s>", element).isTrue();
        return matcher.group(1).strip();
    }
}
