package dev.recruitdesk.service;

import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.HiringProcess;
import dev.recruitdesk.domain.Job;
import dev.recruitdesk.domain.Partner;
import dev.recruitdesk.domain.StepAssessment;

import java.util.List;

/**
 * The account's hiring processes and their steps' auto-triggered assessments. Every method blocks (call it off the
 * FX thread); {@link #preview} reads the cache only.
 */
public interface HiringProcessService {

    /** The standard stages SR offers when adding a step; any other name is a custom stage. */
    List<String> STANDARD_STAGES = List.of("Skills Test", "Phone Screen", "Personality Questionnaire",
            "Background Check", "Technical Interview", "Reference Check");

    List<HiringProcess> processes() throws ServiceException;

    /** The cached jobs that use the process (their process is read from SR once when the cache does not know it). */
    List<Job> jobsOf(String processId) throws ServiceException;

    /** The process the job uses, if SR says. */
    java.util.Optional<HiringProcess> processOfJob(String jobId) throws ServiceException;

    List<Partner> partners() throws ServiceException;

    List<AssessmentPackage> packages(String partnerId) throws ServiceException;

    /** Adds a step; {@link FieldProblem} "name" when it is blank or already used in the process. */
    HiringProcess addStep(HiringProcess process, String status, String name) throws ServiceException;

    /** Who is in the step now (from the cache) and what the rule would order. */
    RulePreview preview(HiringProcess process, StepAssessment rule) throws ServiceException;

    /**
     * Saves the rule; with {@code orderExisting} it is also ordered now for those already in the step.
     * {@link FieldProblem} "partner"/"package" when they are missing or the package is not the partner's.
     */
    SaveResult save(HiringProcess process, StepAssessment rule, boolean orderExisting) throws ServiceException;

    /** The step orders nothing any more. */
    HiringProcess removeRule(HiringProcess process, String status, String step) throws ServiceException;

    /** One application in the step: whether it already has an open order of the rule's package. */
    record StepMember(String candidateId, String name, String jobId, String jobTitle, boolean hasOpenOrder) {
    }

    /**
     * {@code inStep}: everyone in the step now; {@code wouldOrderNow}: how many of them would get an order if the
     * recruiter chooses "order for those already there" (those with an open order of the package never get another).
     */
    record RulePreview(List<StepMember> inStep, int wouldOrderNow, boolean ordersOnMove, boolean ordersOnAdd,
                       List<Job> jobs) {
        public RulePreview {
            inStep = List.copyOf(inStep);
            jobs = List.copyOf(jobs);
        }
    }

    record SaveResult(HiringProcess process, List<AssessmentOrder> ordersPlaced) {
        public SaveResult {
            ordersPlaced = List.copyOf(ordersPlaced);
        }
    }
}
