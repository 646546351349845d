package dev.recruitdesk.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small helpers shared by the client tests. */
final class TestSupport {

    private TestSupport() {
    }

    /** Records every wait the client asks for and sleeps at most a few milliseconds, so retry tests run fast. */
    static final class RecordingSleeper implements ClientOptions.Sleeper {
        final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void sleep(Duration d) throws InterruptedException {
            waits.add(d);
            Thread.sleep(Math.min(5, Math.max(0, d.toMillis())));
        }

        Duration longest() {
            synchronized (waits) {
                return waits.stream().max(Duration::compareTo).orElse(Duration.ZERO);
            }
        }
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Fast options: no pacing, tiny backoff, short timeouts. */
    static ClientOptions.Builder fast(ClientOptions.Sleeper sleeper) {
        return ClientOptions.builder()
                .requestsPerSecond(0)
                .initialBackoff(Duration.ofMillis(2))
                .maxBackoff(Duration.ofMillis(20))
                .requestTimeout(Duration.ofSeconds(5))
                .connectTimeout(Duration.ofSeconds(2))
                .sleeper(sleeper);
    }

    static String candidatesPage(String nextPageId, String... ids) {
        StringBuilder content = new StringBuilder();
        for (String id : ids) {
            if (content.length() > 0) {
                content.append(',');
            }
            content.append("{\"id\":\"").append(id).append("\",\"firstName\":\"F").append(id)
                    .append("\",\"lastName\":\"L\",\"email\":\"").append(id).append("@example.com\",")
                    .append("\"updatedOn\":\"2026-12-03T13:04:50.123Z\",")
                    .append("\"primaryAssignment\":{\"job\":{\"id\":\"j1\",\"title\":\"Engineer\"},\"status\":\"IN_REVIEW\",\"subStatus\":\"Skills Test\"}}");
        }
        String next = nextPageId == null ? "" : ",\"nextPageId\":\"" + nextPageId + "\"";
        return "{\"limit\":100,\"totalFound\":42" + next + ",\"content\":[" + content + "]}";
    }
}
