package dev.recruitdesk.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The partner's report as a small, valid one-page PDF, and as the HTML page behind the result link. */
final class ReportDocuments {

    private ReportDocuments() {
    }

    static byte[] pdf(SimOrder o, SimCandidate c, SimJob job) {
        List<String> lines = new ArrayList<>();
        lines.add(o.partner.name() + " - assessment report");
        lines.add("Package: " + o.pkg.name());
        lines.add("Candidate: " + Ascii.fold(c == null ? "" : c.firstName + " " + c.lastName).strip()
                + (c == null ? "" : " <" + c.email + ">"));
        lines.add("Job: " + (job == null ? o.jobId : Ascii.fold(job.title())));
        if (o.result != null) {
            String score = o.result.scoreValue()
                    + (o.result.scoreMax() == null ? "" : " / " + o.result.scoreMax());
            lines.add("Score (" + o.result.scoreLabel() + "): " + score);
            lines.add(Ascii.fold(o.result.summary()));
            lines.add("Submitted: " + Json.date(o.result.submittedOn()));
        }
        lines.add("Order: " + o.id);
        return simplePdf(lines);
    }

    /** A hand-written PDF 1.4: catalog, one page, Helvetica, one text stream, with a correct xref table. */
    static byte[] simplePdf(List<String> lines) {
        StringBuilder text = new StringBuilder("BT\n/F1 16 Tf\n72 770 Td\n20 TL\n");
        boolean first = true;
        for (String line : lines) {
            text.append('(').append(pdfEscape(line)).append(") Tj T*\n");
            if (first) {
                text.append("/F1 11 Tf\n");
                first = false;
            }
        }
        text.append("ET\n");
        byte[] stream = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
                + "/Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            null,
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + stream.length);
        write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = out.size();
            write(out, (i + 1) + " 0 obj\n");
            if (objects[i] != null) {
                write(out, objects[i] + "\n");
            } else {
                write(out, "<< /Length " + stream.length + " >>\nstream\n");
                out.writeBytes(stream);
                write(out, "endstream\n");
            }
            write(out, "endobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.length + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format(java.util.Locale.ROOT, "%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    private static String pdfEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '(' || ch == ')' || ch == '\\') {
                sb.append('\\').append(ch);
            } else if (ch >= 0x20 && ch < 0x7f) {
                sb.append(ch);
            } else {
                sb.append('?');
            }
        }
        return sb.toString();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    static String html(SimOrder o, SimCandidate c, SimJob job) {
        StringBuilder sb = new StringBuilder(2048);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(o.partner.name())).append(" report</title></head><body>\n");
        sb.append("<h1>").append(esc(o.partner.name())).append(" &mdash; ").append(esc(o.pkg.name())).append("</h1>\n");
        if (c != null) {
            sb.append("<p>Candidate: ").append(esc(c.firstName + " " + c.lastName)).append("</p>\n");
        }
        if (job != null) {
            sb.append("<p>Job: ").append(esc(job.title())).append("</p>\n");
        }
        sb.append("<p>Status: ").append(esc(o.status)).append("</p>\n");
        if (o.result != null) {
            sb.append("<p>Score (").append(esc(o.result.scoreLabel())).append("): <strong>")
                    .append(esc(o.result.scoreValue())).append("</strong>");
            if (o.result.scoreMax() != null) {
                sb.append(" / ").append(esc(o.result.scoreMax()));
            }
            sb.append("</p>\n<p>").append(esc(o.result.summary())).append("</p>\n");
        } else {
            sb.append("<p>No result yet.</p>\n");
        }
        sb.append("</body></html>\n");
        return sb.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
