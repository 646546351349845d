package dev.recruitdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a real account has been set up in the account folder (a saved, non-demo settings file with a URL). */
final class AccountFolder {

    private AccountFolder() {
    }

    static boolean isConfigured(Path accountDir) {
        Path settings = accountDir.resolve("settings.json");
        if (!Files.isRegularFile(settings)) {
            return false;
        }
        try {
            JsonNode n = new ObjectMapper().readTree(settings.toFile());
            return !n.path("demoMode").asBoolean(false) && !n.path("baseUrl").asText("").isBlank();
        } catch (Exception e) {
            return false;
        }
    }
}
