package dev.recruitdesk.service;

import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.Partner;

/** What the Order Assessments modal produces. */
public record OrderRequest(ApplicationRef application, Partner partner, AssessmentPackage assessmentPackage) {
}
