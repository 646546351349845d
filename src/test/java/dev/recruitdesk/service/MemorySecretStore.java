package dev.recruitdesk.service;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Secrets kept in memory, for tests that need no keychain. */
public final class MemorySecretStore implements SecretStore {

    final Map<Key, String> values = new ConcurrentHashMap<>();

    @Override
    public void put(Key key, String value) {
        values.put(key, value);
    }

    @Override
    public Optional<String> get(Key key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public void remove(Key key) {
        values.remove(key);
    }

    @Override
    public String backendName() {
        return "Memory";
    }
}
