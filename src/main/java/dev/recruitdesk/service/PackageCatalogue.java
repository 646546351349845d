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

    private final CacheStore cache;
    private final Clock clock;
    private final Map<String, Instant> askedPartners = new ConcurrentHashMap<>();

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
            Instant last = askedPartners.get(partnerId);
            if (last != null && last.plus(ASK_AGAIN_AFTER).isAfter(now)) {
                continue;
            }
            askedPartners.put(partnerId, now);
            try {
                cache.upsertPackages(api.packages(partnerId), now).join();
                learnt = true;
            } catch (ApiException e) {
                if (ApiErrors.isTransient(e)) {
                    askedPartners.remove(partnerId); // offline or busy: ask on the next round, not in half a day
                }
                log.debug("Packages of partner {} not fetched: {}", partnerId, ApiErrors.words(e));
            }
        }
        return learnt ? cache.packageTimes() : times;
    }
}
