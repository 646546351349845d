package dev.recruitdesk.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The account's secrets (derived from the seed, so a demo can be restarted with the same key) and the OAuth bearer
 * tokens handed out. Secrets are compared in constant time and never appear in messages.
 */
final class Credentials {

    static final long TOKEN_LIFETIME_SECONDS = 3600;

    final String apiKey;
    final String clientId;
    final String clientSecret;
    final String triggerToken;
    private final Map<String, Long> bearerExpiry = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final LongSupplier clock;

    Credentials(long seed, LongSupplier clock) {
        this.apiKey = derive(seed, "api-key", 40);
        this.clientId = "rd-sim-" + derive(seed, "client-id", 12);
        this.clientSecret = derive(seed, "client-secret", 48);
        this.triggerToken = "sotrg_" + derive(seed, "trigger-token", 32);
        this.clock = clock;
    }

    private static String derive(long seed, String purpose, int hexChars) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("recruitdesk-simulator|" + purpose + "|" + seed).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, hexChars);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }

    static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    boolean validClient(String id, String secret) {
        return same(clientId, id) && same(clientSecret, secret);
    }

    String issueBearer() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        bearerExpiry.put(token, clock.getAsLong() + TOKEN_LIFETIME_SECONDS * 1000);
        return token;
    }

    /** Whether X-SmartToken or Authorization (Bearer) carries a valid credential. */
    boolean authenticated(String smartToken, String authorization) {
        if (smartToken != null && same(apiKey, smartToken.strip())) {
            return true;
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Long expiry = bearerExpiry.get(authorization.substring(7).strip());
            return expiry != null && expiry > clock.getAsLong();
        }
        return false;
    }
}
