package dev.recruitdesk.service;

import dev.recruitdesk.api.ApiException;
import dev.recruitdesk.api.SmartRecruitersApi;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Validation;
import dev.recruitdesk.store.CacheStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link AddCandidateService}: creates on SmartRecruiters, then stores the candidate (and any auto-order) in the cache. */
public final class RemoteAddCandidateService implements AddCandidateService {

    private static final Logger log = LoggerFactory.getLogger(RemoteAddCandidateService.class);

    private final CacheStore cache;
    private final ApiProvider apis;
    private final ChangeFeed feed;
    private final ApplicationOrders applicationOrders;

    RemoteAddCandidateService(CacheStore cache, ApiProvider apis, ChangeFeed feed) {
        this.cache = cache;
        this.apis = apis;
        this.feed = feed;
        this.applicationOrders = new ApplicationOrders(cache);
    }

    @Override
    public List<Candidate> sameEmail(String email) {
        List<Candidate> out = new ArrayList<>();
        for (String id : cache.candidateIdsWithEmail(Validation.cleanPasted(email))) {
            cache.candidate(id).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public Candidate create(NewCandidate form) throws ServiceException {
        require(form.jobId(), "job", "Choose a job");
        require(form.firstName(), "firstName", "First name is required");
        require(form.lastName(), "lastName", "Last name is required");
        Optional<String> emailProblem = Validation.email(form.email());
        if (emailProblem.isPresent()) {
            throw new FieldProblem("email", emailProblem.get());
        }
        SmartRecruitersApi api = apis.api();
        try {
            Candidate c = api.createCandidate(form.jobId(), form.firstName().strip(), form.lastName().strip(),
                    Validation.cleanPasted(form.email()), form.phone() == null ? null : form.phone().strip());
            return stored(api, c);
        } catch (ApiException e) {
            if (e.httpStatus() == 409) {
                throw new FieldProblem("email", "A candidate with this email already exists in SmartRecruiters");
            }
            throw ApiErrors.toService(e);
        }
    }

    @Override
    public Candidate upload(String jobId, Path resume) throws ServiceException {
        require(jobId, "job", "Choose a job");
        byte[] content;
        try {
            long size = Files.size(resume);
            Optional<String> problem = AddCandidateService.resumeProblem(resume.getFileName().toString(), size);
            if (problem.isPresent()) {
                throw new FieldProblem("file", problem.get());
            }
            content = Files.readAllBytes(resume);
        } catch (IOException e) {
            throw new FieldProblem("file", "The file cannot be read");
        }
        SmartRecruitersApi api = apis.api();
        try {
            Candidate c = api.createCandidateFromResume(jobId, resume.getFileName().toString(), content);
            return stored(api, c);
        } catch (ApiException e) {
            if (e.httpStatus() == 409) {
                throw new FieldProblem("file", "A candidate with the résumé's email already exists in SmartRecruiters");
            }
            if (e.httpStatus() == 400 || e.httpStatus() == 413 || e.httpStatus() == 415 || e.httpStatus() == 422) {
                throw new FieldProblem("file", e.getMessage() == null ? "SmartRecruiters could not read the résumé"
                        : e.getMessage());
            }
            throw ApiErrors.toService(e);
        }
    }

    /** The new candidate goes to the cache at once (People shows it), with any order the job's process placed. */
    private Candidate stored(SmartRecruitersApi api, Candidate c) {
        log.info("Created candidate {} on {} application(s)", c.id(), c.applications().size());
        cache.upsertCandidates(List.of(c), 0).join();
        try {
            applicationOrders.refresh(api, c.applications());
        } catch (ApiException e) {
            // The candidate exists; its orders come with the next sync.
            log.info("Reading the new candidate's orders failed: HTTP {}", e.httpStatus());
        }
        feed.publish(new ChangeEvent(ChangeEvent.Kind.CANDIDATES, Set.of(c.id())));
        feed.publish(new ChangeEvent(ChangeEvent.Kind.ORDERS, Set.of(c.id())));
        return cache.candidate(c.id()).orElse(c);
    }

    private static void require(String value, String field, String message) throws FieldProblem {
        if (value == null || value.isBlank()) {
            throw new FieldProblem(field, message);
        }
    }
}
