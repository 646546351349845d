package dev.recruitdesk.simulator;

import java.util.List;

/** An HTTP error answered with SmartRecruiters' error body; thrown by handlers, turned into a response by the router. */
final class SimError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final String code;
    final List<FieldError> fieldErrors;

    SimError(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    SimError(int status, String code, String message, List<FieldError> fieldErrors) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.fieldErrors = fieldErrors;
    }

    static SimError badRequest(String code, String message) {
        return new SimError(400, code, message);
    }

    static SimError notFound(String what) {
        return new SimError(404, "NOT_FOUND", what + " not found");
    }

    static SimError notConnected() {
        return new SimError(409, "INTEGRATION_NOT_CONNECTED",
                "The StackOne assessment integration is not connected for this account");
    }

    /** One problem with one field of a request body. */
    record FieldError(String field, String code, String message) {
    }
}
