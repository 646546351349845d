package dev.recruitdesk.service.secret;

import dev.recruitdesk.service.SecretStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SecretStoreTest {

    private static final String SECRET = "sk_live_0123456789abcdefXYZ";

    @TempDir
    Path dir;

    @Test
    void encryptedFileRoundTripsAndSurvivesANewInstance() {
        EncryptedFileSecretStore store = new EncryptedFileSecretStore(dir);
        assertThat(store.get(SecretStore.Key.API_KEY)).isEmpty();
        store.put(SecretStore.Key.API_KEY, SECRET);
        store.put(SecretStore.Key.TRIGGER_TOKEN, "тайна-🔑");

        EncryptedFileSecretStore again = new EncryptedFileSecretStore(dir);
        assertThat(again.get(SecretStore.Key.API_KEY)).contains(SECRET);
        assertThat(again.get(SecretStore.Key.TRIGGER_TOKEN)).contains("тайна-🔑");
        again.remove(SecretStore.Key.API_KEY);
        assertThat(store.get(SecretStore.Key.API_KEY)).isEmpty();
        assertThat(store.backendName()).isEqualTo("Encrypted file");
    }

    @Test
    void theFileHoldsNoPlaintext() throws Exception {
        new EncryptedFileSecretStore(dir).put(SecretStore.Key.API_KEY, SECRET);
        byte[] bytes = Files.readAllBytes(dir.resolve("secrets.enc"));
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain(SECRET).doesNotContain("API_KEY");
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
            }
        }
    }

    @Test
    void bothFilesAreOwnerOnly() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        new EncryptedFileSecretStore(dir).put(SecretStore.Key.API_KEY, SECRET);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secrets.enc"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secrets.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aDamagedFileIsReportedWithoutItsContent() throws Exception {
        EncryptedFileSecretStore store = new EncryptedFileSecretStore(dir);
        store.put(SecretStore.Key.API_KEY, SECRET);
        byte[] bytes = Files.readAllBytes(dir.resolve("secrets.enc"));
        bytes[bytes.length - 1] ^= 1;
        Files.write(dir.resolve("secrets.enc"), bytes);
        assertThatThrownBy(() -> store.get(SecretStore.Key.API_KEY))
                .hasMessageContaining("secrets file").hasMessageNotContaining(SECRET);
    }

    @Test
    void fallbackUsesTheFileWhenTheKeychainRefusesAWrite() {
        SecretStore brokenKeychain = new SecretStore() {
            @Override
            public void put(Key key, String value) {
                throw new NullPointerException(); // what java-keyring does on a locked keyring
            }

            @Override
            public Optional<String> get(Key key) {
                return Optional.empty();
            }

            @Override
            public void remove(Key key) {
            }

            @Override
            public String backendName() {
                return "OS keychain";
            }
        };
        FallbackSecretStore store = new FallbackSecretStore(brokenKeychain, new EncryptedFileSecretStore(dir));
        assertThat(store.backendName()).isEqualTo("OS keychain");
        store.put(SecretStore.Key.API_KEY, SECRET);
        assertThat(store.get(SecretStore.Key.API_KEY)).contains(SECRET);
        assertThat(store.backendName()).isEqualTo("Encrypted file");
    }

    @Test
    void withoutAKeychainTheDefaultIsTheEncryptedFile() {
        FallbackSecretStore store = new FallbackSecretStore(null, new EncryptedFileSecretStore(dir));
        store.put(SecretStore.Key.OAUTH_CLIENT_SECRET, SECRET);
        assertThat(store.get(SecretStore.Key.OAUTH_CLIENT_SECRET)).contains(SECRET);
        assertThat(store.backendName()).isEqualTo("Encrypted file");
    }
}
