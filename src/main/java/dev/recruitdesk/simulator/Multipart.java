package dev.recruitdesk.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/** Just enough multipart/form-data to find one file part of an upload (RFC 7578). */
final class Multipart {

    private Multipart() {
    }

    /** One uploaded file: the name the client gave it, its declared type and its bytes. */
    record FilePart(String fileName, String contentType, byte[] content) {
    }

    /** The part named {@code field}, or a 400 when the body is not multipart or has no such part. */
    static FilePart file(String contentTypeHeader, byte[] body, String field) {
        String boundary = boundary(contentTypeHeader);
        if (boundary == null) {
            throw SimError.badRequest("INVALID_CONTENT_TYPE", "Send the file as multipart/form-data");
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int headersStart = at + delimiter.length;
            if (headersStart + 2 <= body.length && body[headersStart] == '-' && body[headersStart + 1] == '-') {
                break; // closing delimiter
            }
            headersStart = skipLineBreak(body, headersStart);
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) {
                break;
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            int contentStart = headersEnd + 4;
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), contentStart);
            if (next < 0) {
                break;
            }
            String disposition = header(headers, "content-disposition");
            if (disposition != null && field.equals(param(disposition, "name"))) {
                String type = header(headers, "content-type");
                return new FilePart(param(disposition, "filename"), type,
                        Arrays.copyOfRange(body, contentStart, next));
            }
            at = next + 2;
        }
        throw new SimError(400, "VALIDATION_ERROR", "The upload has no file",
                java.util.List.of(new SimError.FieldError(field, "REQUIRED", field + " is required")));
    }

    private static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        return param(contentType, "boundary");
    }

    private static String header(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    /** A parameter of a header value: {@code name="x"} or {@code name=x}. */
    static String param(String value, String name) {
        for (String piece : value.split(";")) {
            String p = piece.strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase(name)) {
                String v = p.substring(eq + 1).strip();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v;
            }
        }
        return null;
    }

    private static int skipLineBreak(byte[] b, int i) {
        if (i < b.length && b[i] == '\r') {
            i++;
        }
        if (i < b.length && b[i] == '\n') {
            i++;
        }
        return i;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
