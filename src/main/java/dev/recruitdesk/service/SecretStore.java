package dev.recruitdesk.service;

import java.util.Optional;

/** OS keychain where one answers, else an encrypted file in the data folder. Never logs a value. */
public interface SecretStore {

    enum Key { API_KEY, OAUTH_CLIENT_SECRET, TRIGGER_TOKEN }

    void put(Key key, String value);

    Optional<String> get(Key key);

    void remove(Key key);

    /** For the Settings screen: "OS keychain" or "Encrypted file". */
    String backendName();
}
