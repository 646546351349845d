package dev.recruitdesk.service;

/**
 * The non-secret part of the account: where SR is, how to sign in, and the recruiter's email. The secrets
 * (API key, OAuth secret, trigger token) are kept by {@link SecretStore}, never here.
 */
public record AccountSettings(boolean demoMode, String baseUrl, AuthMode authMode, String oauthClientId,
                              String recruiterEmail) {

    public enum AuthMode { API_KEY, OAUTH }
}
