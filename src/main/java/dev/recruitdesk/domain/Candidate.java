package dev.recruitdesk.domain;

import java.time.Instant;
import java.util.List;

/** A candidate with the applications known for them. List items from SR are partial: details may fill in more. */
public record Candidate(String id, String firstName, String lastName, String email, String phoneNumber,
                        String city, String country, Instant createdOn, Instant updatedOn,
                        List<ApplicationRef> applications) {

    public Candidate {
        applications = applications == null ? List.of() : List.copyOf(applications);
    }

    public String displayName() {
        String f = firstName == null ? "" : firstName.strip();
        String l = lastName == null ? "" : lastName.strip();
        String n = (f + " " + l).strip();
        return n.isEmpty() ? (email == null ? id : email) : n;
    }
}
