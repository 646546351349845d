package dev.recruitdesk.simulator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The plain text of a résumé file, the way SmartRecruiters' CV parser would start: PDF through PDFBox, DOCX and ODT
 * by reading their XML from the zip, RTF by dropping control words, DOC by picking out its text runs, TXT as is.
 */
final class ResumeText {

    /** Zip entries bigger than this are not read: a résumé's XML is small, a zip bomb is not. */
    private static final long MAX_XML_BYTES = 20L * 1024 * 1024;

    private ResumeText() {
    }

    /** The file's type from its name: pdf, docx, doc, rtf, odt or txt; anything else is a 415. */
    static String typeOf(String fileName) {
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return switch (ext) {
            case "pdf", "docx", "doc", "rtf", "odt", "txt" -> ext;
            default -> throw new SimError(415, "UNSUPPORTED_FILE_TYPE",
                    "Résumés must be PDF, DOCX, DOC, RTF, ODT or TXT files");
        };
    }

    static String extract(String type, byte[] content) {
        try {
            return switch (type) {
                case "pdf" -> pdf(content);
                case "docx" -> xmlText(zipEntry(content, "word/document.xml"), "p", "t", "tab");
                case "odt" -> xmlText(zipEntry(content, "content.xml"), "p", null, "tab");
                case "rtf" -> rtf(new String(content, StandardCharsets.ISO_8859_1));
                case "doc" -> doc(content);
                default -> plain(content);
            };
        } catch (IOException | XMLStreamException | RuntimeException e) {
            throw new SimError(422, "CV_UNREADABLE", "The résumé could not be read as a " + type.toUpperCase(Locale.ROOT)
                    + " file");
        }
    }

    private static String pdf(byte[] content) throws IOException {
        try (PDDocument doc = Loader.loadPDF(content)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static byte[] zipEntry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return readCapped(in);
                }
            }
        }
        throw new IOException("no " + name + " in the file");
    }

    private static byte[] readCapped(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
            if (out.size() > MAX_XML_BYTES) {
                throw new IOException("entry too large");
            }
        }
        return out.toByteArray();
    }

    /**
     * Character data of an XML document, a line break after each {@code paragraph} element. With {@code textElement}
     * set (DOCX's w:t) only text inside such elements counts; ODT keeps text directly in its paragraphs.
     */
    private static String xmlText(byte[] xml, String paragraph, String textElement, String tab)
            throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(xml));
        StringBuilder out = new StringBuilder();
        int inText = 0;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String local = r.getLocalName();
                if (local.equals(textElement)) {
                    inText++;
                } else if (local.equals(tab)) {
                    out.append(' ');
                } else if (local.equals("h") && textElement == null) {
                    out.append('\n');
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                String local = r.getLocalName();
                if (local.equals(textElement)) {
                    inText--;
                } else if (local.equals(paragraph) || local.equals("h") && textElement == null) {
                    out.append('\n');
                }
            } else if ((ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA)
                    && (textElement == null || inText > 0)) {
                out.append(r.getText());
            }
        }
        r.close();
        return out.toString();
    }

    /** RTF: drops groups' control words, keeps text, decodes \'hh (cp1252) and \\uN escapes; \par is a line break. */
    static String rtf(String rtf) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int skipDepth = -1;
        int depth = 0;
        while (i < rtf.length()) {
            char ch = rtf.charAt(i);
            if (ch == '{') {
                depth++;
                i++;
            } else if (ch == '}') {
                if (depth == skipDepth) {
                    skipDepth = -1;
                }
                depth--;
                i++;
            } else if (ch == '\\') {
                i++;
                if (i >= rtf.length()) {
                    break;
                }
                char c = rtf.charAt(i);
                if (c == '\'' && i + 2 < rtf.length()) {
                    if (skipDepth < 0) {
                        int b = Integer.parseInt(rtf.substring(i + 1, i + 3), 16);
                        out.append(new String(new byte[]{(byte) b}, java.nio.charset.Charset.forName("windows-1252")));
                    }
                    i += 3;
                } else if (Character.isLetter(c)) {
                    int start = i;
                    while (i < rtf.length() && Character.isLetter(rtf.charAt(i))) {
                        i++;
                    }
                    String word = rtf.substring(start, i);
                    int numStart = i;
                    if (i < rtf.length() && (rtf.charAt(i) == '-' || Character.isDigit(rtf.charAt(i)))) {
                        i++;
                        while (i < rtf.length() && Character.isDigit(rtf.charAt(i))) {
                            i++;
                        }
                    }
                    String num = rtf.substring(numStart, i);
                    if (i < rtf.length() && rtf.charAt(i) == ' ') {
                        i++;
                    }
                    if (skipDepth >= 0) {
                        continue;
                    }
                    switch (word) {
                        case "par", "line" -> out.append('\n');
                        case "tab" -> out.append(' ');
                        case "u" -> {
                            out.append((char) (Integer.parseInt(num) & 0xFFFF));
                            // the fallback character after \\uN
                            if (i < rtf.length() && rtf.charAt(i) != '\\' && rtf.charAt(i) != '{') {
                                i++;
                            } else if (i + 3 < rtf.length() && rtf.startsWith("\\'", i)) {
                                i += 4;
                            }
                        }
                        case "fonttbl", "colortbl", "stylesheet", "info", "pict", "header", "footer" ->
                                skipDepth = depth;
                        default -> {
                        }
                    }
                } else if (c == '*') {
                    skipDepth = skipDepth < 0 ? depth : skipDepth;
                    i++;
                } else {
                    if (skipDepth < 0 && (c == '\\' || c == '{' || c == '}')) {
                        out.append(c);
                    }
                    i++;
                }
            } else {
                if (skipDepth < 0 && ch != '\r' && ch != '\n') {
                    out.append(ch);
                }
                i++;
            }
        }
        return out.toString();
    }

    /** Word 97 binary: not parsed, but its text is stored as UTF-16LE or 8-bit runs; those runs are enough here. */
    private static String doc(byte[] b) {
        StringBuilder out = new StringBuilder();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i + 1 < b.length; i += 2) {
            char c = (char) ((b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8);
            if (Character.isLetterOrDigit(c) || " @.-_+'()/:,".indexOf(c) >= 0) {
                run.append(c);
            } else {
                flushRun(out, run);
            }
        }
        flushRun(out, run);
        for (int i = 0; i < b.length; i++) {
            char c = (char) (b[i] & 0xFF);
            if (c >= 0x20 && c < 0x7F) {
                run.append(c);
            } else {
                flushRun(out, run);
            }
        }
        flushRun(out, run);
        return out.toString();
    }

    private static void flushRun(StringBuilder out, StringBuilder run) {
        if (run.toString().strip().length() >= 4) {
            out.append(run.toString().strip()).append('\n');
        }
        run.setLength(0);
    }

    /** UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252. */
    private static String plain(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(b)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            return new String(b, java.nio.charset.Charset.forName("windows-1252"));
        }
    }
}
