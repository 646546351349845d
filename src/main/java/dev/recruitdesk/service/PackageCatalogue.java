package dev.recruitdesk.service;

import dev.recruitdesk.api.ApiException;
import dev.recruitdesk.api.SmartRecruitersApi;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.PackageTimes;
import dev.recruitdesk.store.CacheStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Learns how long packages usually take. Orders from SmartRecruiters name their package but not its usual time,
 * so the packages of a partner whose orders we poll are fetched once (again after half a day) and kept in the
 * cache, where the screens read them offline too. A failure only means the default limit applies for now.
 */
final class PackageCatalogue {

    private static final Logger log = LoggerFactory.getLogger(PackageCatalogue.class);
    static final Duration ASK_AGAIN_AFTER = Duration.ofHours(12);
    /** After a refusal (e.g. the assessment integration is not connected yet): soon, but not every poll round. */
    static final Duration ASK_AGAIN_AFTER_REFUSAL = Duration.ofMinutes(10);

    private final CacheStore cache;
    private final Clock clock;
    /** When each partner's packages may be asked for next. */
    private final Map<String, Instant> nextAsk = new ConcurrentHashMap<>();

    PackageCatalogue(CacheStore cache, Clock clock) {
        this.cache = cache;
        this.clock = clock;
    }

    /** The known times, after asking the partners of any order whose package the cache does not know yet. */
    PackageTimes timesFor(SmartRecruitersApi api, Collection<AssessmentOrder> orders) {
        PackageTimes times = cache.packageTimes();
        Set<String> partners = new LinkedHashSet<>();
        for (AssessmentOrder o : orders) {
            if (o.packageId() != null && o.partnerId() != null
                    && !times.minutesByPackage().containsKey(o.packageId())) {
                partners.add(o.partnerId());
            }
        }
        Instant now = clock.instant();
        boolean learnt = false;
        for (String partnerId : partners) {
            Instant next = nextAsk.get(partnerId);
            if (next != null && next.isAfter(now)) {
                continue;
            }
            try {
                cache.upsertPackages(api.packages(partnerId), now).join();
                nextAsk.put(partnerId, now.plus(ASK_AGAIN_AFTER));
                learnt = true;
            } catch (ApiException e) {
                // offline or busy: the next round asks again; refused: in a few minutes
                if (!ApiErrors.isTransient(e)) {
                    nextAsk.put(partnerId, now.plus(ASK_AGAIN_AFTER_REFUSAL));
                }
                log.debug("Packages of partner {} not fetched: {}", partnerId, ApiErrors.words(e));
            }
        }
        return learnt ? cache.packageTimes() : times;
    }
}
