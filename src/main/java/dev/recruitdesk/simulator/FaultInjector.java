package dev.recruitdesk.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recruitdesk.simulator.FaultPlan.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Applies a {@link FaultPlan} to the requests the simulator serves. Error answers (429, 5xx) stand in for the
 * endpoint, which then does not run; every other fault runs the endpoint first and only bends or withholds its
 * answer, so the simulator's state is always what a fault-free server would hold (a dropped answer to an order
 * POST still made the order).
 */
final class FaultInjector {

    /** A status the client has never heard of; kept distinct from any real SmartRecruiters value. */
    static final String UNKNOWN_STATUS = "SIM_FUTURE_STATUS";
    private static final Set<String> OPTIONAL_FIELDS = Set.of("actions", "web", "tags", "education", "experience",
            "subStatus", "phoneNumber", "location", "department", "summary", "requester", "startsOn");
    private static final String[] MALFORMED_BODIES = {
        "<html><body><h1>502 Bad Gateway</h1></body></html>",
        "{\"content\": [ {\"id\": ,] }",
        "not json at all",
        "{\"message\": \"ok\"}}}",
    };
    private static final int REMEMBERED_PAGES = 512;

    /** Counted under this label in {@link #injectedByKind()}: not a random kind, armed by count. */
    static final String DROP_ACCEPTED_WRITE = "drop-accepted-write";

    private final FaultPlan plan;
    private final AtomicLong requestNumber = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger acceptedWritesToDrop = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicLong acceptedWritesDropped = new AtomicLong();
    private final Map<Kind, AtomicLong> injected = new EnumMap<>(Kind.class);
    /** The last record of each page served, by the pageId that continues after it: what REPEAT serves again. */
    private final Map<String, JsonNode> lastRecordBefore = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JsonNode> eldest) {
            return size() > REMEMBERED_PAGES;
        }
    };

    FaultInjector(FaultPlan plan) {
        this.plan = plan;
        this.acceptedWritesToDrop.set(plan.dropAcceptedWrites());
        for (Kind k : Kind.values()) {
            injected.put(k, new AtomicLong());
        }
    }

    /** The fault for this request, decided from the seed and the request's number. */
    record Decision(Kind kind, SplittableRandom random) {
        static final Decision NONE = new Decision(null, null);

        boolean is(Kind k) {
            return kind == k;
        }
    }

    Decision decide(Route route, SimRequest request) {
        if (!plan.active()) {
            return Decision.NONE;
        }
        long n = requestNumber.incrementAndGet();
        SplittableRandom random = new SplittableRandom(plan.seed() * 0x9E3779B97F4A7C15L + n);
        if (random.nextDouble() >= plan.rate()) {
            return Decision.NONE;
        }
        List<Kind> fitting = new ArrayList<>();
        for (Kind k : Kind.values()) {
            if (plan.has(k) && fits(k, route, request)) {
                fitting.add(k);
            }
        }
        if (fitting.isEmpty()) {
            return Decision.NONE;
        }
        return new Decision(fitting.get(random.nextInt(fitting.size())), random);
    }

    private boolean fits(Kind k, Route route, SimRequest request) {
        boolean jsonRead = "GET".equals(route.method()) && !route.template().startsWith("/reports/")
                && !route.template().endsWith("/attachments/{attachmentId}");
        boolean continuing = route.candidateList() && request.queryParam("pageId") != null
                && !request.queryParam("pageId").isBlank();
        return switch (k) {
            case RATE_LIMITED, SERVER_ERROR, BAD_GATEWAY, UNAVAILABLE, SLOW, DROP -> true;
            case TRUNCATED, MALFORMED, EXTRA_FIELDS, MISSING_OPTIONAL, UNKNOWN_STATUS -> jsonRead;
            case TOTAL_DRIFT -> route.candidateList();
            case EMPTY_PAGE -> continuing;
            case REPEAT -> continuing && remembered(request.queryParam("pageId")) != null;
        };
    }

    /** The answer that replaces the endpoint's, or null when the endpoint is to run. */
    SimResponse instead(Decision d) {
        if (d.kind() == null) {
            return null;
        }
        SimResponse r = switch (d.kind()) {
            case RATE_LIMITED -> {
                SimResponse e = SimResponse.error(new SimError(429, "RATE_LIMIT_EXCEEDED",
                        "Too many requests, slow down"));
                yield d.random().nextBoolean() ? e.withHeader("Retry-After", "1") : e;
            }
            case SERVER_ERROR -> SimResponse.error(new SimError(500, "INTERNAL_ERROR", "Internal server error"));
            case BAD_GATEWAY -> new SimResponse(502, "text/html; charset=utf-8",
                    "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8),
                    new LinkedHashMap<>());
            case UNAVAILABLE -> SimResponse.error(new SimError(503, "SERVICE_UNAVAILABLE",
                    "The service is temporarily unavailable"));
            default -> null;
        };
        if (r != null) {
            count(d.kind());
        }
        return r;
    }

    /** Bends the endpoint's answer for the body faults; other answers pass unchanged. */
    SimResponse bend(Decision d, Route route, SimRequest request, SimResponse response) {
        boolean json = response.status() == 200 && SimResponse.JSON.equals(response.contentType());
        if (json && route.candidateList()) {
            remember(response);
        }
        if (d.kind() == null || !json) {
            return response;
        }
        SplittableRandom random = d.random();
        SimResponse out = switch (d.kind()) {
            case TRUNCATED -> {
                byte[] b = response.body();
                int cut = b.length < 2 ? 0 : 1 + random.nextInt(b.length - 1);
                yield withBody(response, Arrays.copyOf(b, cut));
            }
            case MALFORMED -> withBody(response,
                    MALFORMED_BODIES[random.nextInt(MALFORMED_BODIES.length)].getBytes(StandardCharsets.UTF_8));
            case EXTRA_FIELDS -> withJson(response, node -> addExtraFields(node, random));
            case MISSING_OPTIONAL -> withJson(response, FaultInjector::dropOptional);
            case UNKNOWN_STATUS -> withJson(response, FaultInjector::unknownStatus);
            case TOTAL_DRIFT -> withJson(response, node -> {
                if (node instanceof ObjectNode o && o.has("totalFound")) {
                    int drift = (1 + random.nextInt(5)) * (random.nextBoolean() ? 1 : -1);
                    o.put("totalFound", Math.max(0, o.get("totalFound").asInt() + drift));
                }
            });
            case EMPTY_PAGE -> withJson(response, node -> {
                if (node instanceof ObjectNode o) {
                    o.putArray("content");
                    // Asking again with the same pageId gets the page this answer left out.
                    o.put("nextPageId", request.queryParam("pageId"));
                }
            });
            case REPEAT -> withJson(response, node -> {
                JsonNode again = remembered(request.queryParam("pageId"));
                if (node instanceof ObjectNode o && o.get("content") instanceof ArrayNode content && again != null) {
                    content.insert(0, again.deepCopy());
                }
            });
            default -> response;
        };
        if (out != response) {
            count(d.kind());
        }
        return out;
    }

    /** Arms {@code count} more drops of an accepted write's answer (see {@link FaultPlan#withDropAcceptedWrites}). */
    void dropAcceptedWrites(int count) {
        acceptedWritesToDrop.addAndGet(count);
    }

    /** True (and counted) when this accepted write's answer is to be lost. */
    boolean dropAcceptedWrite(String method, SimResponse response) {
        boolean write = "POST".equals(method) || "PUT".equals(method) || "DELETE".equals(method);
        if (!write || response.status() < 200 || response.status() >= 300) {
            return false;
        }
        if (acceptedWritesToDrop.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
            return false;
        }
        acceptedWritesDropped.incrementAndGet();
        return true;
    }

    /** Counted by the caller once the fault really happened (the answer was held back or withheld). */
    void count(Kind kind) {
        injected.get(kind).incrementAndGet();
    }

    Map<String, Long> injectedByKind() {
        Map<String, Long> out = new LinkedHashMap<>();
        injected.forEach((k, v) -> {
            if (v.get() > 0) {
                out.put(k.label(), v.get());
            }
        });
        if (acceptedWritesDropped.get() > 0) {
            out.put(DROP_ACCEPTED_WRITE, acceptedWritesDropped.get());
        }
        return out;
    }

    long slowMillis() {
        return plan.slowDelay().toMillis();
    }

    private void remember(SimResponse response) {
        JsonNode page;
        try {
            page = Json.MAPPER.readTree(response.body());
        } catch (java.io.IOException e) {
            return;
        }
        JsonNode next = page.path("nextPageId");
        JsonNode content = page.path("content");
        if (next.isTextual() && !next.asText().isBlank() && content.isArray() && !content.isEmpty()) {
            synchronized (lastRecordBefore) {
                lastRecordBefore.put(next.asText(), content.get(content.size() - 1));
            }
        }
    }

    private JsonNode remembered(String pageId) {
        if (pageId == null) {
            return null;
        }
        synchronized (lastRecordBefore) {
            return lastRecordBefore.get(pageId.strip());
        }
    }

    private static SimResponse withBody(SimResponse r, byte[] body) {
        return new SimResponse(r.status(), r.contentType(), body, r.headers());
    }

    private interface Edit {
        void apply(JsonNode node);
    }

    private static SimResponse withJson(SimResponse r, Edit edit) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(r.body());
        } catch (java.io.IOException e) {
            return r;
        }
        edit.apply(node);
        return withBody(r, Json.bytes(node));
    }

    private static void addExtraFields(JsonNode node, SplittableRandom random) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                // subStatuses is a map from step to sub-statuses: a new key there would be a new step, not a field.
                if (!name.equals("subStatuses")) {
                    addExtraFields(o.get(name), random);
                }
            }
            o.put("simFutureField" + random.nextInt(100), "added later by SmartRecruiters");
            o.putObject("simFutureObject").put("nested", true).putArray("list").add(1).add("two");
        } else if (node instanceof ArrayNode a) {
            for (JsonNode child : a) {
                addExtraFields(child, random);
            }
        }
    }

    private static void dropOptional(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove(OPTIONAL_FIELDS);
            for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
                dropOptional(it.next());
            }
        } else if (node instanceof ArrayNode a) {
            for (JsonNode child : a) {
                dropOptional(child);
            }
        }
    }

    private static void unknownStatus(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if (o.get("status") != null && o.get("status").isTextual()) {
                o.put("status", UNKNOWN_STATUS);
            }
            for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
                unknownStatus(it.next());
            }
        } else if (node instanceof ArrayNode a) {
            for (JsonNode child : a) {
                unknownStatus(child);
            }
        }
    }
}
