package dev.recruitdesk.api;

/**
 * A failed SmartRecruiters call. {@code httpStatus} is 0 when no answer came (offline, timeout, refused).
 * {@code code} is the first error code SR sent, if any. The message never contains a credential.
 */
public class ApiException extends Exception {

    private final int httpStatus;
    private final String code;

    public ApiException(int httpStatus, String code, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    public ApiException(int httpStatus, String code, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }

    public boolean isNetwork() {
        return httpStatus == 0;
    }
}
