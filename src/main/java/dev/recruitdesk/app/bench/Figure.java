package dev.recruitdesk.app.bench;

/**
 * One row of the bench table. {@code value} and {@code baseline} are already formatted for reading; {@code met} is
 * null when the row has no goal or could not be measured.
 */
public record Figure(String name, String value, String baseline, String ratio, String goal, Boolean met) {

    public static Figure skipped(String name, String goal, String why) {
        return new Figure(name, "skipped (" + why + ")", "-", "-", goal, null);
    }

    public static Figure info(String name, String value) {
        return new Figure(name, value, "-", "-", "-", null);
    }

    public String metText() {
        return met == null ? "-" : met ? "yes" : "NO";
    }
}
