package dev.recruitdesk.service;

import java.time.Instant;

/** Whether the StackOne assessment integration is connected to the account. */
public record IntegrationState(boolean connected, String name, String email, Instant connectedOn) {
}
