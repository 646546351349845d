package dev.recruitdesk.service;

import dev.recruitdesk.domain.Candidate;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Adds a candidate to a job by form ({@code POST /jobs/{jobId}/candidates}) or from a résumé (the CV endpoint). */
public interface AddCandidateService {

    /** The résumé types SmartRecruiters reads, and its size limit (the simulator answers 413 above it). */
    List<String> RESUME_TYPES = List.of("pdf", "docx", "doc", "rtf", "odt", "txt");
    long MAX_RESUME_BYTES = 5L * 1024 * 1024;

    /** Cached candidates with this email (case ignored): "already there, open them instead?" */
    List<Candidate> sameEmail(String email);

    /** Creates the candidate; {@link FieldProblem} for a field SR refused (e.g. "email" already used). */
    Candidate create(NewCandidate form) throws ServiceException;

    /** Checks the file (type, empty, size; {@link FieldProblem} "file") and uploads it. */
    Candidate upload(String jobId, Path resume) throws ServiceException;

    record NewCandidate(String jobId, String firstName, String lastName, String email, String phone) {
    }

    /** What is wrong with the file before it is sent, if anything. */
    static Optional<String> resumeProblem(String fileName, long size) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        if (!RESUME_TYPES.contains(ext)) {
            return Optional.of("Choose a PDF, DOCX, DOC, RTF, ODT or TXT file");
        }
        if (size == 0) {
            return Optional.of("The file is empty");
        }
        if (size > MAX_RESUME_BYTES) {
            return Optional.of("The file is larger than 5 MB");
        }
        return Optional.empty();
    }
}
