package dev.recruitdesk.service;

import dev.recruitdesk.domain.Credentials;

import java.net.URI;

/**
 * Everything needed to build a SmartRecruiters client: settings plus the secret read from the {@link SecretStore}.
 * {@code baseUrl} and {@code credentials} are null when not configured (demo mode: the app's factory supplies the
 * embedded simulator). {@link Credentials#toString()} hides secrets, so this record is safe to log.
 */
public record AccountSnapshot(boolean demoMode, URI baseUrl, Credentials credentials, String recruiterEmail) {
}
