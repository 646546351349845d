package dev.recruitdesk.api;

import java.util.concurrent.atomic.AtomicLong;

/** The live counters behind {@link SmartRecruitersApi#stats()}. */
final class ClientCounters {

    final AtomicLong requests = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong rateLimited = new AtomicLong();
    final AtomicLong serverErrors = new AtomicLong();
    final AtomicLong timeouts = new AtomicLong();

    SmartRecruitersApi.ClientStats snapshot() {
        return new SmartRecruitersApi.ClientStats(requests.get(), retries.get(), rateLimited.get(),
                serverErrors.get(), timeouts.get());
    }
}
