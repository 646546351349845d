package dev.recruitdesk.service;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsFileTest {

    @TempDir
    Path dir;

    /** QA finding 13: settings.json was written rw-r--r--; everything in the data folder is the owner's alone. */
    @Test
    void settingsAreWrittenOwnerOnlyAndReadBack() throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        SettingsFile settings = new SettingsFile(dir.resolve("account"));
        AccountSettings saved = new AccountSettings(false, "https://api.example.com", AccountSettings.AuthMode.API_KEY, "", "a@b.c");
        settings.save(saved);
        settings.save(saved); // the second save replaces the file (a leftover temp file must not stop it either)
        Path file = dir.resolve("account").resolve("settings.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(settings.load()).isEqualTo(saved);
        assertThat(file.resolveSibling("settings.json.tmp")).doesNotExist();
    }
}
