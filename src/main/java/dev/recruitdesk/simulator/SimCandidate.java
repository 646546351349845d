package dev.recruitdesk.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A candidate as the simulator holds it: only what listings need. Details (education, experience, ...) are
 * derived on request from {@link #detailSeed}, which keeps 100,000 candidates lean. Mutable; guarded by the store's lock.
 */
final class SimCandidate {
    final String id;
    final String firstName;
    final String lastName;
    final String city;
    final String country;
    final String countryCode;
    final long createdOn;
    final long detailSeed;
    /** Primary assignment first, secondary assignments after it. */
    final List<SimApplication> applications = new ArrayList<>(1);
    String email;
    String phoneNumber;
    long updatedOn;
    /** Lower-case "first last\u0000email", what the q filter searches. */
    String searchText;

    SimCandidate(String id, String firstName, String lastName, String email, String phoneNumber, String city,
                 String country, String countryCode, long createdOn, long updatedOn,
                 long detailSeed) {
        this.id = id;
        this.firstName = firstName;
        this.lastName = lastName;
        this.email = email;
        this.phoneNumber = phoneNumber;
        this.city = city;
        this.country = country;
        this.countryCode = countryCode;
        this.createdOn = createdOn;
        this.updatedOn = updatedOn;
        this.detailSeed = detailSeed;
        refreshSearchText();
    }

    void refreshSearchText() {
        searchText = (firstName + " " + lastName + "\u0000" + email).toLowerCase(Locale.ROOT);
    }

    SimApplication primary() {
        return applications.get(0);
    }

    SimApplication applicationFor(String jobId) {
        for (SimApplication a : applications) {
            if (a.jobId.equals(jobId)) {
                return a;
            }
        }
        return null;
    }
}
