package dev.recruitdesk.service;

import dev.recruitdesk.domain.Candidate;

/** Brings one candidate up to date from SmartRecruiters (details, applications, their orders) and stores it. */
public interface ProfileService {

    /** Fetches and stores; on a network fault throws {@link ServiceException} and the cached copy stays. */
    Candidate refresh(String candidateId) throws ServiceException;
}
