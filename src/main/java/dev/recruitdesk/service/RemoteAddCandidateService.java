package dev.recruitdesk.service;

import dev.recruitdesk.api.ApiException;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Job;
import dev.recruitdesk.domain.Validation;
import dev.recruitdesk.store.CacheStore;
import dev.recruitdesk.store.OutboxEntry;
import dev.recruitdesk.store.OutboxEntry.CandidatePayload;
import dev.recruitdesk.store.OutboxStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link AddCandidateService}: the new candidate is an outbox row (CREATE_CANDIDATE; a résumé's bytes are copied
 * into it, so the recruiter's file may go) written before the request goes out, then sent at once on the caller's
 * thread ({@link CandidateDelivery}) so the recruiter sees the result. When SmartRecruiters cannot be reached the
 * row stays queued and {@link WriteQueued} says so; see {@link OutboxSender} for when it is sent.
 */
public final class RemoteAddCandidateService implements AddCandidateService {

    private final CacheStore cache;
    private final OutboxStore outbox;
    private final ApiProvider apis;
    private final OutboxSender sender;
    private final CandidateDelivery delivery;
    private final Clock clock;
    private final Runnable wakeSender;

    RemoteAddCandidateService(CacheStore cache, OutboxStore outbox, ApiProvider apis, OutboxSender sender,
                              CandidateDelivery delivery, Clock clock, Runnable wakeSender) {
        this.cache = cache;
        this.outbox = outbox;
        this.apis = apis;
        this.sender = sender;
        this.delivery = delivery;
        this.clock = clock;
        this.wakeSender = wakeSender;
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
        String email = Validation.cleanPasted(form.email());
        if (!outbox.unsentCandidatesWithEmail(email).isEmpty()) {
            throw new FieldProblem("email", "A candidate with this email is already queued to be added");
        }
        apis.api(); // not set up: say so now, queue nothing
        CandidatePayload payload = new CandidatePayload(form.jobId(), jobTitle(form.jobId()), form.firstName().strip(),
                form.lastName().strip(), email, form.phone() == null || form.phone().isBlank() ? null
                : form.phone().strip(), null);
        return send(payload, null);
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
        apis.api();
        CandidatePayload payload = new CandidatePayload(jobId, jobTitle(jobId), null, null, null, null,
                resume.getFileName().toString());
        return send(payload, content);
    }

    private Candidate send(CandidatePayload payload, byte[] resume) throws ServiceException {
        String key = UUID.randomUUID().toString();
        boolean offline = !sender.events().online();
        outbox.insert(key, OutboxEntry.Kind.CREATE_CANDIDATE, payload, resume, offline, !offline, clock.instant());
        sender.events().outboxChanged();
        if (offline) {
            throw new WriteQueued(key, RemoteMoveService.QUEUED_OFFLINE);
        }
        OutboxSender.Attempt<Candidate> a = sender.sendClaimed(outbox.find(key).orElseThrow(), delivery, true);
        switch (a.outcome()) {
            case SENT:
                return a.result();
            case REFUSED:
                if (a.cause() instanceof FieldProblem f) {
                    throw f;
                }
                if (a.cause() instanceof ApiException e) {
                    throw ApiErrors.toService(e);
                }
                throw new ServiceException(ServiceException.Reason.OTHER, a.error());
            case OFFLINE:
                wakeSender.run();
                throw new WriteQueued(key, RemoteMoveService.QUEUED_OFFLINE);
            default:
                wakeSender.run();
                throw new WriteQueued(key, "Queued: " + a.error() + "; it will be sent again by itself");
        }
    }

    private String jobTitle(String jobId) {
        return cache.jobs().stream().filter(j -> j.id().equals(jobId)).map(Job::title).findFirst().orElse(null);
    }

    private static void require(String value, String field, String message) throws FieldProblem {
        if (value == null || value.isBlank()) {
            throw new FieldProblem(field, message);
        }
    }
}
