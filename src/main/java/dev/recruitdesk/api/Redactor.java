package dev.recruitdesk.api;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Last line of defence for the "no secret in a message" rule: a server may echo what it was sent ("invalid key
 * abc..."), so every text that came from outside is passed through here before it goes into an exception.
 */
final class Redactor {

    private static final int SHORTEST_SECRET = 4;
    private final Set<String> secrets = new CopyOnWriteArraySet<>();

    void add(String secret) {
        if (secret != null && secret.strip().length() >= SHORTEST_SECRET) {
            secrets.add(secret);
            secrets.add(secret.strip());
        }
    }

    void remove(String secret) {
        if (secret != null) {
            secrets.remove(secret);
            secrets.remove(secret.strip());
        }
    }

    String clean(String text) {
        return clean(text, List.of());
    }

    String clean(String text, List<String> extra) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, "****");
        }
        for (String s : extra) {
            if (s != null && s.strip().length() >= SHORTEST_SECRET) {
                out = out.replace(s, "****").replace(s.strip(), "****");
            }
        }
        return out;
    }
}
