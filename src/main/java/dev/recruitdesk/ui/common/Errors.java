package dev.recruitdesk.ui.common;

import dev.recruitdesk.service.ServiceException;

/** Turns a failure into words for the recruiter; service messages are already written for them. */
public final class Errors {

    private Errors() {
    }

    public static String describe(Throwable t) {
        if (t instanceof ServiceException se && se.getMessage() != null && !se.getMessage().isBlank()) {
            return se.getMessage();
        }
        if (t instanceof ServiceException se) {
            return Messages.get("error.reason." + se.reason().name());
        }
        return Messages.get("error.unexpected");
    }

    public static boolean isSettingsProblem(Throwable t) {
        return t instanceof ServiceException se && (se.reason() == ServiceException.Reason.UNAUTHORIZED
                || se.reason() == ServiceException.Reason.FORBIDDEN
                || se.reason() == ServiceException.Reason.INTEGRATION_NOT_CONNECTED);
    }

    public static boolean isOffline(Throwable t) {
        return t instanceof ServiceException se && se.reason() == ServiceException.Reason.OFFLINE;
    }
}
