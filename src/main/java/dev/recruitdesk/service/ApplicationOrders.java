package dev.recruitdesk.service;

import dev.recruitdesk.api.ApiException;
import dev.recruitdesk.api.SmartRecruitersApi;
import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.store.CacheStore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Brings the orders of some applications up to date: reads the application UUID when the cache has none yet
 * ({@code GET /candidates/{id}/jobs/{jobId}}), then its orders. Shared by the sync, its backfill and the profile.
 */
final class ApplicationOrders {

    private final CacheStore cache;

    ApplicationOrders(CacheStore cache) {
        this.cache = cache;
    }

    record Result(int ordersFetched, Set<String> changedCandidates) {
    }

    Result refresh(SmartRecruitersApi api, List<ApplicationRef> apps) throws ApiException {
        int fetched = 0;
        Set<String> changed = new HashSet<>();
        List<ApplicationRef> learned = new ArrayList<>();
        List<AssessmentOrder> orders = new ArrayList<>();
        for (ApplicationRef app : apps) {
            String appId = app.applicationId();
            if (appId == null) {
                appId = api.application(app.candidateId(), app.jobId()).applicationId();
                if (appId == null) {
                    continue; // SR gave no UUID: no orders can be read for it
                }
                learned.add(app.withApplicationId(appId));
            }
            for (AssessmentOrder o : api.orders(appId)) {
                orders.add(SyncOrders.owned(o, app.candidateId(), app.jobId(), null));
                fetched++;
            }
        }
        if (!learned.isEmpty()) {
            cache.upsertApplications(learned).join();
        }
        if (!orders.isEmpty()) {
            changed.addAll(cache.upsertOrders(orders).join());
        }
        return new Result(fetched, changed);
    }
}
