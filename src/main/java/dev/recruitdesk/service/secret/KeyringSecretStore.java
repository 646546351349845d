package dev.recruitdesk.service.secret;

import com.github.javakeyring.Keyring;
import dev.recruitdesk.service.SecretStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The OS keychain (Secret Service, macOS Keychain, Windows Credential Manager) through java-keyring. On Linux the
 * library fails in several raw ways (no D-Bus: an exception from create; a locked keyring: a NullPointerException
 * from setPassword), so every failure of any kind means "no keychain here" and is reported as
 * {@link KeychainUnavailableException}, never with a value in it.
 */
public final class KeyringSecretStore implements SecretStore {

    private static final Logger log = LoggerFactory.getLogger(KeyringSecretStore.class);
    static final String SERVICE = "RecruitDesk";

    private final Keyring keyring;
    private final String scope;

    private KeyringSecretStore(Keyring keyring, String scope) {
        this.keyring = keyring;
        this.scope = scope;
    }

    /**
     * The keychain, or empty when this machine has none that answers. {@code scope} (the data folder) is part of
     * each entry's name, so the demo folder and the real account folder never overwrite each other's API key.
     */
    public static Optional<KeyringSecretStore> create(String scope) {
        try {
            return Optional.of(new KeyringSecretStore(Keyring.create(), scope));
        } catch (Exception | LinkageError e) {
            log.info("No OS keychain available ({})", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public void put(Key key, String value) {
        try {
            keyring.setPassword(SERVICE, entry(key), value);
        } catch (Exception e) {
            throw new KeychainUnavailableException(e);
        }
    }

    @Override
    public Optional<String> get(Key key) {
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, entry(key)));
        } catch (Exception e) {
            // java-keyring reports a missing entry and a locked keyring alike: both mean "not here".
            return Optional.empty();
        }
    }

    @Override
    public void remove(Key key) {
        try {
            keyring.deletePassword(SERVICE, entry(key));
        } catch (Exception e) {
            log.debug("Keychain delete of {} did nothing ({})", key, e.getClass().getSimpleName());
        }
    }

    private String entry(Key key) {
        return key.name() + " " + scope;
    }

    @Override
    public String backendName() {
        return "OS keychain";
    }

    /** The keychain refused a write; the message names only the exception type. */
    public static final class KeychainUnavailableException extends RuntimeException {
        KeychainUnavailableException(Exception cause) {
            super("The OS keychain is not available (" + cause.getClass().getSimpleName() + ")");
        }
    }
}
