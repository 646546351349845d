package dev.recruitdesk.service;

import dev.recruitdesk.api.ApiException;
import dev.recruitdesk.api.SmartRecruitersApi;
import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.store.CacheStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@link ProfileService}: candidate details, each application (with its UUID) and its orders, then stored. */
public final class RemoteProfileService implements ProfileService {

    private final CacheStore cache;
    private final ApiProvider apis;
    private final ChangeFeed feed;
    private final ApplicationOrders applicationOrders;

    RemoteProfileService(CacheStore cache, ApiProvider apis, ChangeFeed feed) {
        this.cache = cache;
        this.apis = apis;
        this.feed = feed;
        this.applicationOrders = new ApplicationOrders(cache);
    }

    @Override
    public Candidate refresh(String candidateId) throws ServiceException {
        SmartRecruitersApi api = apis.api();
        try {
            Candidate c = api.candidate(candidateId);
            List<ApplicationRef> apps = new ArrayList<>();
            for (ApplicationRef a : c.applications()) {
                ApplicationRef r = api.application(candidateId, a.jobId());
                apps.add(new ApplicationRef(candidateId, a.jobId(), a.jobTitle() != null ? a.jobTitle() : r.jobTitle(),
                        r.status() != null ? r.status() : a.status(),
                        r.subStatus() != null ? r.subStatus() : a.subStatus(), r.applicationId(), a.primary(),
                        r.startsOn() != null ? r.startsOn() : a.startsOn()));
            }
            Candidate full = new Candidate(c.id(), c.firstName(), c.lastName(), c.email(), c.phoneNumber(), c.city(),
                    c.country(), c.createdOn(), c.updatedOn(), apps);
            // seen_gen 0: the stored generation is kept (GREATEST), so a profile read never hides a deletion
            cache.upsertCandidates(List.of(full), 0).join();
            applicationOrders.refresh(api, apps);
            feed.publish(new ChangeEvent(ChangeEvent.Kind.CANDIDATES, Set.of(candidateId)));
            feed.publish(new ChangeEvent(ChangeEvent.Kind.ORDERS, Set.of(candidateId)));
            return cache.candidate(candidateId).orElse(full);
        } catch (ApiException e) {
            throw ApiErrors.toService(e);
        }
    }
}
