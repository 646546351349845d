package dev.recruitdesk.domain;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Input rules shared by forms and the command line. Each check returns the message to show, or empty when fine. */
public final class Validation {

    // Deliberately permissive (RFC 5322 is far wider than users type); it rejects what is clearly not an address.
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@.]{2,}$");

    private Validation() {
    }

    /** What users paste: trims spaces, tabs and newlines at both ends and removes line breaks inside. */
    public static String cleanPasted(String s) {
        if (s == null) {
            return "";
        }
        return s.replaceAll("[\\r\\n\\t]", "").strip();
    }

    public static Optional<String> required(String value, String field) {
        return value == null || value.isBlank() ? Optional.of(field + " is required") : Optional.empty();
    }

    public static Optional<String> email(String value) {
        String v = cleanPasted(value);
        if (v.isEmpty()) {
            return Optional.of("Email is required");
        }
        if (v.length() > 254 || !EMAIL.matcher(v).matches()) {
            return Optional.of("Enter an email address like name@company.com");
        }
        return Optional.empty();
    }

    /** A SmartRecruiters base URL: http(s) only, and https unless it points at this machine. */
    public static Optional<String> baseUrl(String value) {
        String v = cleanPasted(value);
        if (v.isEmpty()) {
            return Optional.of("Base URL is required");
        }
        URI uri;
        try {
            uri = new URI(asciiHost(v));
        } catch (Exception e) {
            return Optional.of("Not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("Use an https:// address");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("The URL needs a host name");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            return Optional.of("Use https:// (plain http is only allowed for this computer)");
        }
        return Optional.empty();
    }

    /** An internationalised host name (https://пример.рф) in its ASCII (punycode) form, which URI understands. */
    public static String asciiHost(String url) {
        int start = url.indexOf("://");
        if (start < 0) {
            return url;
        }
        int hostStart = start + 3;
        int hostEnd = hostStart;
        while (hostEnd < url.length() && "/?#:".indexOf(url.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        String host = url.substring(hostStart, hostEnd);
        if (host.chars().allMatch(c -> c < 0x80)) {
            return url;
        }
        return url.substring(0, hostStart) + java.net.IDN.toASCII(host) + url.substring(hostEnd);
    }

    /** Links the app opens for the user (reports, attachments): http and https only. */
    public static boolean isWebLink(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }
}
