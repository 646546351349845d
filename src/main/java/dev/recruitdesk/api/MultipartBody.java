package dev.recruitdesk.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A multipart/form-data body with one file part (RFC 7578): names in UTF-8, quotes and line breaks replaced. */
final class MultipartBody {

    private MultipartBody() {
    }

    static byte[] singleFile(String boundary, String field, String fileName, byte[] content) {
        String safeName = fileName == null || fileName.isBlank() ? "resume" : fileName.replaceAll("[\"\\r\\n\\\\]", "_");
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 512);
        out.writeBytes(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + safeName + "\"\r\n"
                + "Content-Type: " + contentType(safeName) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static String contentType(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".pdf")) {
            return "application/pdf";
        } else if (n.endsWith(".docx")) {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        } else if (n.endsWith(".doc")) {
            return "application/msword";
        } else if (n.endsWith(".rtf")) {
            return "application/rtf";
        } else if (n.endsWith(".odt")) {
            return "application/vnd.oasis.opendocument.text";
        } else if (n.endsWith(".txt")) {
            return "text/plain; charset=utf-8";
        }
        return "application/octet-stream";
    }
}
