package dev.recruitdesk.domain;

/**
 * How to authenticate against SmartRecruiters. Secrets live here only in memory; {@link #toString()} never shows
 * them, so a stray log line cannot leak one.
 */
public sealed interface Credentials {

    record ApiKey(String key) implements Credentials {
        @Override
        public String toString() {
            return "ApiKey[****]";
        }
    }

    record OAuthClient(String clientId, String clientSecret) implements Credentials {
        @Override
        public String toString() {
            return "OAuthClient[clientId=" + clientId + ", secret=****]";
        }
    }
}
