package dev.recruitdesk.api;

import dev.recruitdesk.domain.Credentials;

/** Puts the credential on a request: {@code X-SmartToken} for an API key, a cached bearer token for OAuth. */
interface RequestAuth {

    /** The header to send. */
    Header header() throws ApiException;

    /** A 401 came back for {@code used}; true when one more try with a fresh credential may succeed. */
    boolean refreshAfter401(Header used);

    record Header(String name, String value) {
        @Override
        public String toString() {
            return name + ": ****";
        }
    }

    static RequestAuth apiKey(Credentials.ApiKey key) {
        // Keys hold no whitespace; a line break pasted along with one would otherwise make the request unsendable.
        Header header = new Header("X-SmartToken", key.key() == null ? "" : key.key().replaceAll("\\s", ""));
        return new RequestAuth() {
            @Override
            public Header header() {
                return header;
            }

            @Override
            public boolean refreshAfter401(Header used) {
                return false;
            }
        };
    }

    static RequestAuth bearer(OAuthTokenCache tokens) {
        return new RequestAuth() {
            @Override
            public Header header() throws ApiException {
                return new Header("Authorization", "Bearer " + tokens.current());
            }

            @Override
            public boolean refreshAfter401(Header used) {
                tokens.invalidate(used.value().substring("Bearer ".length()));
                return true;
            }
        };
    }
}
