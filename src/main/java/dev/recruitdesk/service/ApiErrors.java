package dev.recruitdesk.service;

import dev.recruitdesk.api.ApiException;

/** Turns a failed SmartRecruiters call into words for the recruiter and a {@link ServiceException.Reason}. */
final class ApiErrors {

    static final String INTEGRATION_NOT_CONNECTED = "INTEGRATION_NOT_CONNECTED";

    private ApiErrors() {
    }

    static ServiceException toService(ApiException e) {
        return new ServiceException(reason(e), words(e), e);
    }

    static ServiceException.Reason reason(ApiException e) {
        int s = e.httpStatus();
        if (s == 0) {
            return ServiceException.Reason.OFFLINE;
        }
        if (s == 409 && INTEGRATION_NOT_CONNECTED.equals(e.code())) {
            return ServiceException.Reason.INTEGRATION_NOT_CONNECTED;
        }
        return switch (s) {
            case 401 -> ServiceException.Reason.UNAUTHORIZED;
            case 403 -> ServiceException.Reason.FORBIDDEN;
            case 404 -> ServiceException.Reason.NOT_FOUND;
            case 409 -> ServiceException.Reason.CONFLICT;
            case 429 -> ServiceException.Reason.RATE_LIMITED;
            case 400, 422 -> ServiceException.Reason.INVALID;
            default -> s >= 500 ? ServiceException.Reason.SERVER : ServiceException.Reason.OTHER;
        };
    }

    /** Plain words; SR's own message (which never carries our credentials) is added for refusals. */
    static String words(ApiException e) {
        return switch (reason(e)) {
            case OFFLINE -> "Cannot reach SmartRecruiters";
            case UNAUTHORIZED -> "The API key was refused";
            case FORBIDDEN -> "This account is not allowed to do that";
            case NOT_FOUND -> "Not found in SmartRecruiters";
            case INTEGRATION_NOT_CONNECTED -> "The assessment integration is not connected";
            case RATE_LIMITED -> "SmartRecruiters asked us to slow down; try again in a moment";
            case SERVER -> "SmartRecruiters had a problem (" + e.httpStatus() + ")";
            default -> "SmartRecruiters refused: " + (e.getMessage() == null ? "HTTP " + e.httpStatus() : e.getMessage());
        };
    }

    /** Worth trying again later by itself: no answer, rate limit or server trouble. */
    static boolean isTransient(ApiException e) {
        return e.isNetwork() || e.httpStatus() == 429 || e.httpStatus() >= 500 || e.httpStatus() == 408;
    }
}
