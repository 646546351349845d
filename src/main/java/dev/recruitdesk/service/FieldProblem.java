package dev.recruitdesk.service;

/** A refusal tied to one input of a form, so the screen can show it next to that field. */
public final class FieldProblem extends ServiceException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public FieldProblem(String field, String message) {
        super(Reason.INVALID, message);
        this.field = field;
    }

    /** The form field: "name", "status", "partner", "package", "firstName", "lastName", "email", "job", "file". */
    public String field() {
        return field;
    }
}
