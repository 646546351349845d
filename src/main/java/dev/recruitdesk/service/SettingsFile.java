package dev.recruitdesk.service;

import dev.recruitdesk.store.Json;
import dev.recruitdesk.store.StoreException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** {@code settings.json} in the data folder: the non-secret account settings. Written atomically. */
public final class SettingsFile {

    public static final AccountSettings DEFAULTS =
            new AccountSettings(true, "", AccountSettings.AuthMode.API_KEY, "", "");

    private final Path file;

    public SettingsFile(Path dataDir) {
        this.file = dataDir.resolve("settings.json");
    }

    public AccountSettings load() {
        if (!Files.exists(file)) {
            return DEFAULTS;
        }
        try {
            AccountSettings s = Json.mapper().readValue(file.toFile(), AccountSettings.class);
            return new AccountSettings(s.demoMode(), nz(s.baseUrl()),
                    s.authMode() == null ? AccountSettings.AuthMode.API_KEY : s.authMode(),
                    nz(s.oauthClientId()), nz(s.recruiterEmail()));
        } catch (IOException e) {
            throw new StoreException("The settings file cannot be read: " + file, e);
        }
    }

    public void save(AccountSettings settings) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("settings.json.tmp");
            Files.deleteIfExists(tmp);
            ownerOnlyFile(tmp); // made rw------- before a byte is written: no window in which others can read it
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), settings);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("The settings file cannot be written: " + file, e);
        }
    }

    private static void ownerOnlyFile(Path path) throws IOException {
        if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(path, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
