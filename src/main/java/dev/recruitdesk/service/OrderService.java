package dev.recruitdesk.service;

import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.Partner;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Ordering: the catalogue, the duplicate check, the durable outbox and its sender. Call off the FX thread. */
public interface OrderService {

    /** Partners of the connected integration. Throws with reason INTEGRATION_NOT_CONNECTED when it is not connected. */
    List<Partner> partners() throws ServiceException;

    List<AssessmentPackage> packages(String partnerId) throws ServiceException;

    /** An order not yet in an end state for the same candidate, job and package, if there is one. */
    Optional<AssessmentOrder> openDuplicate(OrderRequest request);

    /**
     * Writes the order to the durable outbox (status Sending, new idempotency key) and wakes the sender.
     * Returns at once with the queued order; it never sends twice for one key.
     */
    AssessmentOrder queue(OrderRequest request);

    /** Sends a queued order again after a failure (same idempotency key). */
    void retry(String idempotencyKey);

    /** Downloads an attachment into {@code target} (the caller picked it, or a temp file for "Open"). */
    Path download(String url, Path target) throws ServiceException;
}
