package dev.recruitdesk.app;

/** The app version, from the jar manifest (written from the pom). */
public final class Version {

    private Version() {
    }

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
