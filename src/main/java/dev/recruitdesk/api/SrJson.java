package dev.recruitdesk.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.recruitdesk.api.SmartRecruitersApi.CandidatePage;
import dev.recruitdesk.api.SmartRecruitersApi.IntegrationStatus;
import dev.recruitdesk.api.SrWire.ApplicationDto;
import dev.recruitdesk.api.SrWire.AssignmentDto;
import dev.recruitdesk.api.SrWire.AttachmentDto;
import dev.recruitdesk.api.SrWire.CandidateDto;
import dev.recruitdesk.api.SrWire.HiringProcessDto;
import dev.recruitdesk.api.SrWire.IntegrationDto;
import dev.recruitdesk.api.SrWire.JobDto;
import dev.recruitdesk.api.SrWire.LocationDto;
import dev.recruitdesk.api.SrWire.OrderDto;
import dev.recruitdesk.api.SrWire.PackageDto;
import dev.recruitdesk.api.SrWire.Page;
import dev.recruitdesk.api.SrWire.PartnerDto;
import dev.recruitdesk.api.SrWire.StatusChangeDto;
import dev.recruitdesk.api.SrWire.TokenDto;
import dev.recruitdesk.api.SrWire.UserDto;
import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.Attachment;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.HiringProcess;
import dev.recruitdesk.domain.Job;
import dev.recruitdesk.domain.OrderStatus;
import dev.recruitdesk.domain.Partner;
import dev.recruitdesk.domain.Score;
import dev.recruitdesk.domain.StatusChange;
import dev.recruitdesk.domain.StepAssessment;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads SmartRecruiters JSON into domain records and writes request bodies. Every method is a pure function of the
 * text, so the example payloads in the shared specs can be tested without a server.
 */
final class SrJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // "{...}}}" is a broken answer, not an object followed by noise: reading must fail so the GET is retried.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .defaultLocale(Locale.ROOT)
            .build();

    private SrJson() {
    }

    // ---- candidates --------------------------------------------------------------------------------------------

    static CandidatePage parseCandidatePage(String json) throws IOException {
        Page<CandidateDto> page = read(json, new TypeReference<>() { });
        List<Candidate> content = new ArrayList<>();
        for (CandidateDto dto : nonNull(page.content())) {
            if (dto != null && dto.id() != null) {
                content.add(toCandidate(dto));
            }
        }
        String next = page.nextPageId();
        // SR ends a listing with no nextPageId or with "". An empty page that still names a next page is not the
        // end (SR has been seen sending one mid-listing): the caller follows it and guards against loops.
        if (next == null || next.isBlank()) {
            next = null;
        }
        int total = page.totalFound() == null ? -1 : page.totalFound();
        return new CandidatePage(List.copyOf(content), next, total);
    }

    static Candidate parseCandidate(String json) throws IOException {
        return toCandidate(read(json, CandidateDto.class));
    }

    static ApplicationRef parseApplication(String candidateId, String jobId, String json) throws IOException {
        ApplicationDto dto = read(json, ApplicationDto.class);
        String applicationId = dto.id() == null || dto.id().isBlank() ? null : dto.id();
        return new ApplicationRef(candidateId, jobId, null, dto.status(), dto.subStatus(), applicationId, false,
                SrDates.parse(dto.startsOn()));
    }

    private static Candidate toCandidate(CandidateDto dto) {
        List<ApplicationRef> apps = new ArrayList<>();
        addAssignment(apps, dto.id(), dto.primaryAssignment(), true);
        for (AssignmentDto a : nonNull(dto.secondaryAssignments())) {
            addAssignment(apps, dto.id(), a, false);
        }
        LocationDto loc = dto.location();
        return new Candidate(dto.id(), dto.firstName(), dto.lastName(), dto.email(), dto.phoneNumber(),
                loc == null ? null : loc.city(), loc == null ? null : country(loc),
                SrDates.parse(dto.createdOn()), SrDates.parse(dto.updatedOn()), apps);
    }

    private static void addAssignment(List<ApplicationRef> into, String candidateId, AssignmentDto a, boolean primary) {
        if (a == null || a.job() == null || a.job().id() == null) {
            return;
        }
        into.add(new ApplicationRef(candidateId, a.job().id(), a.job().title(), a.status(), a.subStatus(), null,
                primary, SrDates.parse(a.startsOn())));
    }

    private static String country(LocationDto loc) {
        if (loc.country() != null && !loc.country().isBlank()) {
            return loc.country();
        }
        return loc.countryCode() == null ? null : loc.countryCode().toUpperCase(Locale.ROOT);
    }

    // ---- jobs and configuration ---------------------------------------------------------------------------------

    static Page<JobDto> parseJobPage(String json) throws IOException {
        return read(json, new TypeReference<Page<JobDto>>() { });
    }

    static List<Job> jobsOf(Page<JobDto> page) {
        List<Job> jobs = new ArrayList<>();
        for (JobDto dto : nonNull(page.content())) {
            if (dto != null && dto.id() != null) {
                jobs.add(toJob(dto));
            }
        }
        return jobs;
    }

    static Job parseJob(String json) throws IOException {
        return toJob(read(json, JobDto.class));
    }

    private static Job toJob(JobDto dto) {
        String department = dto.department() == null ? null : dto.department().label();
        String location = null;
        if (dto.location() != null) {
            List<String> parts = new ArrayList<>();
            if (dto.location().city() != null && !dto.location().city().isBlank()) {
                parts.add(dto.location().city());
            }
            String country = country(dto.location());
            if (country != null && !country.isBlank()) {
                parts.add(country);
            }
            location = parts.isEmpty() ? null : String.join(", ", parts);
        }
        String processId = dto.hiringProcess() == null ? null : dto.hiringProcess().id();
        return new Job(dto.id(), dto.title(), dto.status(), department, location, processId);
    }

    static List<HiringProcess> parseHiringProcesses(String json) throws IOException {
        Page<HiringProcessDto> page = read(json, new TypeReference<>() { });
        List<HiringProcess> out = new ArrayList<>();
        for (HiringProcessDto dto : nonNull(page.content())) {
            if (dto == null || dto.id() == null) {
                continue;
            }
            out.add(toProcess(dto));
        }
        return out;
    }

    static HiringProcess parseHiringProcess(String json) throws IOException {
        HiringProcessDto dto = read(json, HiringProcessDto.class);
        if (dto.id() == null) {
            throw new IOException("hiring process without id");
        }
        return toProcess(dto);
    }

    static SmartRecruitersApi.SavedRule parseSavedRule(String json) throws IOException {
        SrWire.SavedRuleDto dto = read(json, SrWire.SavedRuleDto.class);
        if (dto.hiringProcess() == null || dto.hiringProcess().id() == null) {
            throw new IOException("saved rule without its hiring process");
        }
        List<AssessmentOrder> placed = new ArrayList<>();
        for (OrderDto o : nonNull(dto.ordersPlaced())) {
            if (o != null && o.id() != null) {
                placed.add(toOrder(o, null));
            }
        }
        return new SmartRecruitersApi.SavedRule(toProcess(dto.hiringProcess()), placed);
    }

    private static HiringProcess toProcess(HiringProcessDto dto) {
        Map<String, List<String>> steps = new LinkedHashMap<>();
        if (dto.subStatuses() != null) {
            dto.subStatuses().forEach((status, subs) ->
                    steps.put(status, subs == null ? List.of() : List.copyOf(subs.stream().filter(Objects::nonNull).toList())));
        }
        List<StepAssessment> rules = new ArrayList<>();
        for (SrWire.AutoTriggerDto t : nonNull(dto.autoTriggers())) {
            if (t != null && t.status() != null && t.subStatus() != null && t.packageId() != null) {
                rules.add(new StepAssessment(t.status(), t.subStatus(), t.partnerId(), t.packageId(),
                        t.onMove() == null || t.onMove(), Boolean.TRUE.equals(t.onAdd())));
            }
        }
        return new HiringProcess(dto.id(), dto.name(), dto.active() == null || dto.active(),
                java.util.Collections.unmodifiableMap(steps), rules);
    }

    /** The connection test shows who the credential belongs to: the email, else the name, else the id. */
    static String parseWhoAmI(String json) throws IOException {
        UserDto dto = read(json, UserDto.class);
        if (dto.email() != null && !dto.email().isBlank()) {
            return dto.email();
        }
        String name = ((dto.firstName() == null ? "" : dto.firstName()) + " "
                + (dto.lastName() == null ? "" : dto.lastName())).strip();
        return name.isEmpty() ? dto.id() : name;
    }

    // ---- assessments ------------------------------------------------------------------------------------------------

    static IntegrationStatus parseIntegration(String json) throws IOException {
        IntegrationDto dto = read(json, IntegrationDto.class);
        boolean connected = dto.status() != null && dto.status().strip().equalsIgnoreCase("CONNECTED");
        return new IntegrationStatus(connected, dto.name(), dto.email(), SrDates.parse(dto.connectedOn()));
    }

    static List<Partner> parsePartners(String json) throws IOException {
        Page<PartnerDto> page = read(json, new TypeReference<>() { });
        List<Partner> out = new ArrayList<>();
        for (PartnerDto dto : nonNull(page.content())) {
            if (dto != null && dto.id() != null) {
                out.add(new Partner(dto.id(), dto.name(), dto.type()));
            }
        }
        return out;
    }

    static List<AssessmentPackage> parsePackages(String partnerId, String json) throws IOException {
        Page<PackageDto> page = read(json, new TypeReference<>() { });
        List<AssessmentPackage> out = new ArrayList<>();
        for (PackageDto dto : nonNull(page.content())) {
            if (dto != null && dto.id() != null) {
                out.add(new AssessmentPackage(dto.id(), partnerId, dto.name(), dto.description(), dto.type(),
                        dto.expectedMinutes() == null ? 0 : Math.max(0, dto.expectedMinutes())));
            }
        }
        return out;
    }

    static AssessmentOrder parseOrder(String json) throws IOException {
        return toOrder(read(json, OrderDto.class), null);
    }

    static AssessmentOrder parseOrder(String json, String idempotencyKey) throws IOException {
        return toOrder(read(json, OrderDto.class), idempotencyKey);
    }

    static List<AssessmentOrder> parseOrders(String json) throws IOException {
        Page<OrderDto> page = read(json, new TypeReference<>() { });
        List<AssessmentOrder> out = new ArrayList<>();
        for (OrderDto dto : nonNull(page.content())) {
            if (dto != null && dto.id() != null) {
                out.add(toOrder(dto, null));
            }
        }
        return out;
    }

    private static AssessmentOrder toOrder(OrderDto dto, String idempotencyKey) {
        List<StatusChange> history = new ArrayList<>();
        for (StatusChangeDto h : nonNull(dto.statusHistory())) {
            if (h != null && h.status() != null) {
                history.add(new StatusChange(OrderStatus.of(h.status()), SrDates.parse(h.changedOn())));
            }
        }
        Score score = null;
        String summary = null;
        String reportUrl = null;
        List<Attachment> attachments = new ArrayList<>();
        if (dto.result() != null) {
            var r = dto.result();
            if (r.score() != null && r.score().value() != null) {
                score = new Score(r.score().label(), r.score().value(), r.score().min(), r.score().max());
            }
            summary = r.summary();
            reportUrl = r.resultUrl();
            for (AttachmentDto a : nonNull(r.attachments())) {
                if (a != null && (a.id() != null || a.url() != null)) {
                    attachments.add(new Attachment(a.id(), a.name(), a.contentType(), a.url()));
                }
            }
        }
        return new AssessmentOrder(dto.id(), idempotencyKey, dto.applicationId(), dto.candidateId(), dto.jobId(),
                dto.partner() == null ? null : dto.partner().id(), dto.partner() == null ? null : dto.partner().name(),
                dto.pkg() == null ? null : dto.pkg().id(), dto.pkg() == null ? null : dto.pkg().name(),
                OrderStatus.of(dto.status()), SrDates.parse(dto.createdOn()), SrDates.parse(dto.updatedOn()),
                history, score, summary, reportUrl, attachments, null);
    }

    // ---- auth and errors -----------------------------------------------------------------------------------------

    static TokenDto parseToken(String json) throws IOException {
        return read(json, TokenDto.class);
    }

    /**
     * What went wrong, from any of the bodies SR is known to send: {@code {message, errors:[{code,message}]}},
     * the legacy {@code {id, httpCode, code, message, helpUrl}}, an OAuth {@code {error, error_description}}, or
     * something that is not JSON at all. Never throws.
     */
    static ErrorInfo parseError(int status, String body) {
        if (body == null || body.isBlank()) {
            return new ErrorInfo(null, null);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException | RuntimeException notJson) {
            // An HTML error page from a proxy, or plain text: there is no code to read; the status says enough.
            return new ErrorInfo(null, null);
        }
        if (root == null || !root.isObject()) {
            return new ErrorInfo(null, null);
        }
        String code = text(root.get("code"));
        String message = text(root.get("message"));
        JsonNode errors = root.get("errors");
        if (errors != null && errors.isArray()) {
            for (JsonNode item : errors) {
                if (code == null) {
                    code = text(item.get("code"));
                }
                if (message == null) {
                    message = text(item.get("message"));
                }
            }
        }
        if (code == null) {
            code = text(root.get("error"));
        }
        if (message == null) {
            message = text(root.get("error_description"));
        }
        return new ErrorInfo(code, message);
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        return blankToNull(node.asText());
    }

    record ErrorInfo(String code, String message) {
    }

    // ---- request bodies ---------------------------------------------------------------------------------------------

    static String write(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a request body", e);
        }
    }

    static String formatInstant(Instant instant) {
        return SrDates.format(instant);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------

    private static <T> T read(String json, Class<T> type) throws IOException {
        T value = MAPPER.readValue(requireBody(json), type);
        if (value == null) {
            throw new IOException("empty JSON body");
        }
        return value;
    }

    private static <T> T read(String json, TypeReference<T> type) throws IOException {
        T value = MAPPER.readValue(requireBody(json), type);
        if (value == null) {
            throw new IOException("empty JSON body");
        }
        return value;
    }

    private static String requireBody(String json) throws IOException {
        if (json == null || json.isBlank()) {
            throw new IOException("empty body");
        }
        return json;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
