package dev.recruitdesk.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Renders the simulator's state in SmartRecruiters' shapes. Callers hold the store's lock. */
final class JsonViews {

    private final String baseUrl;
    private final Map<String, SimJob> jobsById;

    JsonViews(String baseUrl, Map<String, SimJob> jobsById) {
        this.baseUrl = baseUrl;
        this.jobsById = jobsById;
    }

    ObjectNode candidateSummary(SimCandidate c) {
        ObjectNode n = candidateHead(c);
        SimApplication primary = c.primary();
        ObjectNode pa = n.putObject("primaryAssignment");
        pa.set("job", jobRef(primary.jobId));
        pa.put("status", primary.status);
        putIfPresent(pa, "subStatus", primary.subStatus);
        ArrayNode secondary = n.putArray("secondaryAssignments");
        for (int i = 1; i < c.applications.size(); i++) {
            secondary.addObject().set("job", jobRef(c.applications.get(i).jobId));
        }
        n.putObject("actions").set("details", action(baseUrl + "/candidates/" + c.id));
        return n;
    }

    ObjectNode candidateDetails(SimCandidate c) {
        ObjectNode n = candidateHead(c);
        n.put("phoneNumber", c.phoneNumber);
        Random r = new Random(c.detailSeed);
        String handle = c.email.substring(0, c.email.indexOf('@')).replace('.', '-').replace('+', '-');
        ObjectNode web = n.putObject("web");
        web.put("linkedin", "https://www.linkedin.com/in/" + handle);
        if (r.nextInt(4) == 0) {
            web.put("website", "https://" + handle + ".example.dev");
        }
        ArrayNode tags = n.putArray("tags");
        int tagCount = r.nextInt(4);
        int tagStart = r.nextInt(DemoCatalog.TAGS.length);
        for (int i = 0; i < tagCount; i++) {
            tags.add(DemoCatalog.TAGS[(tagStart + i * 5) % DemoCatalog.TAGS.length]);
        }
        ArrayNode education = n.putArray("education");
        int endYear = 2024 - r.nextInt(20);
        for (int i = 0, count = 1 + r.nextInt(2); i < count; i++) {
            ObjectNode e = education.addObject();
            e.put("institution", pick(r, DemoCatalog.UNIVERSITIES));
            e.put("degree", pick(r, DemoCatalog.DEGREES));
            e.put("major", pick(r, DemoCatalog.MAJORS));
            e.put("current", false);
            e.put("startDate", (endYear - 3) + "-10");
            e.put("endDate", endYear + "-06");
            endYear -= 3;
        }
        ArrayNode experience = n.putArray("experience");
        int year = 2026;
        for (int i = 0, count = 1 + r.nextInt(3); i < count; i++) {
            ObjectNode e = experience.addObject();
            int span = 1 + r.nextInt(5);
            e.put("title", pick(r, DemoCatalog.POSITIONS));
            e.put("company", pick(r, DemoCatalog.COMPANIES));
            e.put("current", i == 0);
            e.put("startDate", (year - span) + "-0" + (1 + r.nextInt(9)));
            if (i > 0) {
                e.put("endDate", year + "-0" + (1 + r.nextInt(9)));
            }
            e.put("location", c.city);
            year -= span;
        }
        n.set("primaryAssignment", assignment(c.primary()));
        ArrayNode secondary = n.putArray("secondaryAssignments");
        for (int i = 1; i < c.applications.size(); i++) {
            secondary.add(assignment(c.applications.get(i)));
        }
        n.putObject("actions").set("details", action(baseUrl + "/candidates/" + c.id));
        return n;
    }

    ObjectNode application(SimCandidate c, SimApplication a) {
        ObjectNode n = Json.object();
        n.put("id", a.id);
        n.put("status", a.status);
        putIfPresent(n, "subStatus", a.subStatus);
        n.put("startsOn", Json.date(a.startsOn));
        n.put("source", a.source);
        n.putObject("actions");
        n.put("url", baseUrl + "/candidates/" + c.id + "/jobs/" + a.jobId);
        return n;
    }

    ObjectNode jobSummary(SimJob j) {
        ObjectNode n = Json.object();
        n.put("id", j.id());
        n.put("title", j.title());
        n.put("refNumber", j.refNumber());
        n.put("createdOn", Json.date(j.createdOn()));
        n.put("updatedOn", Json.date(j.updatedOn()));
        n.putObject("department").put("label", j.department());
        ObjectNode loc = n.putObject("location");
        loc.put("city", j.city());
        loc.put("country", j.country());
        loc.put("countryCode", j.countryCode());
        n.put("status", j.status());
        n.put("postingStatus", j.postingStatus());
        n.putObject("actions").set("details", action(baseUrl + "/jobs/" + j.id()));
        return n;
    }

    ObjectNode jobDetails(SimJob j) {
        ObjectNode n = jobSummary(j);
        n.putObject("hiringProcess").put("id", j.hiringProcessId());
        return n;
    }

    ObjectNode hiringProcess(SimHiringProcess p) {
        ObjectNode n = Json.object();
        n.put("id", p.id());
        n.put("name", p.name());
        n.put("active", p.active());
        ObjectNode subs = n.putObject("subStatuses");
        for (String status : List.of("IN_REVIEW", "INTERVIEW", "OFFERED")) {
            ArrayNode steps = subs.putArray(status);
            p.stepsOf(status).forEach(steps::add);
        }
        ArrayNode triggers = n.putArray("autoTriggers");
        for (SimHiringProcess.AutoTrigger t : p.autoTriggers()) {
            ObjectNode tn = triggers.addObject();
            tn.put("status", t.status());
            tn.put("subStatus", t.subStatus());
            tn.put("partnerId", t.partnerId());
            tn.put("packageId", t.packageId());
            tn.put("onMove", t.onMove());
            tn.put("onAdd", t.onAdd());
        }
        return n;
    }

    ObjectNode partner(SimPartner p) {
        ObjectNode n = Json.object();
        n.put("id", p.id());
        n.put("name", p.name());
        n.put("type", p.type());
        n.put("integration", "stackone");
        return n;
    }

    ObjectNode pkg(SimPackage p) {
        ObjectNode n = Json.object();
        n.put("id", p.id());
        n.put("name", p.name());
        n.put("description", p.description());
        n.put("type", p.type());
        n.put("expectedMinutes", p.expectedMinutes());
        return n;
    }

    ObjectNode order(SimOrder o) {
        ObjectNode n = Json.object();
        n.put("id", o.id);
        n.put("applicationId", o.applicationId);
        n.put("candidateId", o.candidateId);
        n.put("jobId", o.jobId);
        ObjectNode partner = n.putObject("partner");
        partner.put("id", o.partner.id());
        partner.put("name", o.partner.name());
        ObjectNode pkg = n.putObject("package");
        pkg.put("id", o.pkg.id());
        pkg.put("name", o.pkg.name());
        pkg.put("type", o.pkg.type());
        n.put("status", o.status);
        n.put("createdOn", Json.date(o.createdOn));
        n.put("updatedOn", Json.date(o.updatedOn));
        ArrayNode history = n.putArray("statusHistory");
        for (SimOrder.StatusEntry e : o.history) {
            ObjectNode h = history.addObject();
            h.put("status", e.status());
            h.put("changedOn", Json.date(e.changedOn()));
        }
        if (o.result != null) {
            SimOrder.Result res = o.result;
            ObjectNode result = n.putObject("result");
            ObjectNode score = result.putObject("score");
            score.put("label", res.scoreLabel());
            score.put("value", res.scoreValue());
            putIfPresent(score, "min", res.scoreMin());
            putIfPresent(score, "max", res.scoreMax());
            result.put("summary", res.summary());
            result.put("resultUrl", reportUrl(o));
            result.put("submittedOn", Json.date(res.submittedOn()));
            ObjectNode att = result.putArray("attachments").addObject();
            att.put("id", res.attachmentId());
            att.put("name", res.attachmentName());
            att.put("contentType", "application/pdf");
            att.put("url", baseUrl + "/assessment-api/v202107/assessment-orders/" + o.id + "/attachments/"
                    + res.attachmentId());
        }
        n.putObject("requester").put("email", o.requesterEmail);
        return n;
    }

    String reportUrl(SimOrder o) {
        return baseUrl + "/reports/" + o.id + "?t=" + o.reportToken;
    }

    private ObjectNode candidateHead(SimCandidate c) {
        ObjectNode n = Json.object();
        n.put("id", c.id);
        n.put("internal", false);
        n.put("firstName", c.firstName);
        n.put("lastName", c.lastName);
        n.put("email", c.email);
        n.put("createdOn", Json.date(c.createdOn));
        n.put("updatedOn", Json.date(c.updatedOn));
        ObjectNode loc = n.putObject("location");
        putIfPresent(loc, "city", c.city);
        putIfPresent(loc, "country", c.country);
        putIfPresent(loc, "countryCode", c.countryCode);
        return n;
    }

    private ObjectNode assignment(SimApplication a) {
        ObjectNode n = Json.object();
        n.set("job", jobRef(a.jobId));
        n.put("status", a.status);
        putIfPresent(n, "subStatus", a.subStatus);
        n.put("startsOn", Json.date(a.startsOn));
        n.put("source", a.source);
        return n;
    }

    private ObjectNode jobRef(String jobId) {
        ObjectNode n = Json.object();
        n.put("id", jobId);
        SimJob job = jobsById.get(jobId);
        if (job != null) {
            n.put("title", job.title());
        }
        n.putObject("actions").set("details", action(baseUrl + "/jobs/" + jobId));
        return n;
    }

    private static ObjectNode action(String url) {
        ObjectNode n = Json.object();
        n.put("url", url);
        n.put("method", "GET");
        return n;
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
