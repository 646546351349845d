package dev.recruitdesk.service.secret;

import dev.recruitdesk.service.SecretStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The keychain when it answers, else the encrypted file. A keychain that opens but then refuses a write (a locked
 * keyring with no prompter) makes this store switch to the file for good, so one secret never lives in two places
 * with different values.
 */
public final class FallbackSecretStore implements SecretStore {

    private static final Logger log = LoggerFactory.getLogger(FallbackSecretStore.class);

    private final SecretStore keychain;
    private final SecretStore file;
    private volatile boolean keychainWorks;

    public FallbackSecretStore(SecretStore keychainOrNull, SecretStore file) {
        this.keychain = keychainOrNull;
        this.file = file;
        this.keychainWorks = keychainOrNull != null;
    }

    /** The default for the app: the OS keychain if there is one, with the encrypted file in {@code dataDir}. */
    public static FallbackSecretStore createDefault(Path dataDir) {
        return new FallbackSecretStore(KeyringSecretStore.create(dataDir.toAbsolutePath().normalize().toString()).orElse(null),
                new EncryptedFileSecretStore(dataDir));
    }

    @Override
    public void put(Key key, String value) {
        if (keychainWorks) {
            try {
                keychain.put(key, value);
                file.remove(key);
                return;
            } catch (RuntimeException e) {
                keychainWorks = false;
                log.warn("The OS keychain refused a write; secrets go to the encrypted file from now on ({})",
                        e.getClass().getSimpleName());
            }
        }
        file.put(key, value);
    }

    @Override
    public Optional<String> get(Key key) {
        if (keychainWorks) {
            Optional<String> v = keychain.get(key);
            if (v.isPresent()) {
                return v;
            }
        }
        return file.get(key);
    }

    @Override
    public void remove(Key key) {
        if (keychain != null) {
            keychain.remove(key);
        }
        file.remove(key);
    }

    @Override
    public String backendName() {
        return keychainWorks ? keychain.backendName() : file.backendName();
    }
}
