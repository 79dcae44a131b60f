package io.crmflow.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.engine.Engine;
import io.crmflow.engine.EngineSettings;
import io.crmflow.engine.Ports;
import io.crmflow.functions.api.ApiDocument.Operation;
import io.crmflow.store.memory.InMemoryStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The API document ({@code docs/openapi.yaml}) and the routes the handler registers agree, and the
 * document keeps the API's conventions: every POST takes an {@code Idempotency-Key}, every list
 * pages by {@code limit} and {@code cursor}, every error is a problem document. A route added
 * without its documentation, or documented and never routed, fails here, naming it.
 */
@DisplayName("R-RUN-6 the API document describes every route, and only those")
class ApiDocumentTest {
    private static final String PARAMETERS = "#/components/parameters/";
    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final String PAGE = "#/components/schemas/Page";
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private final ApiDocument doc = ApiDocument.read();

    /** The routes as the handler registers them; no route runs, so the ports only have to exist. */
    static List<String> routes() {
        InMemoryStore store = new InMemoryStore();
        Ports ports = new Ports(store, store, store, store, store, store, events -> { }, steps -> { }, email -> "",
                () -> "id", store, store);
        Engine engine = Engine.create(ports, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), EngineSettings.DEFAULTS);
        return new Routes(engine).router().routes();
    }

    @Test
    void document_isOpenApi31() {
        assertThat(doc.root.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.root.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.root.at("/security/0").has("bearerAuth")).as("bearer tokens asked of every operation").isTrue();
    }

    @Test
    void everyRoute_isDocumented_andEveryDocumentedOperation_isRouted() {
        Map<String, String> routed = new TreeMap<>();
        routes().forEach(route -> routed.put(ApiDocument.normalised(route), route));
        Map<String, String> documented = new TreeMap<>();
        doc.operations().forEach(o -> documented.put(o.method() + " " + ApiDocument.normalised(o.path()), o.name()));

        List<String> undocumented = routed.entrySet().stream().filter(e -> !documented.containsKey(e.getKey()))
                .map(Map.Entry::getValue).toList();
        List<String> unrouted = documented.entrySet().stream().filter(e -> !routed.containsKey(e.getKey()))
                .map(Map.Entry::getValue).toList();
        assertThat(undocumented.isEmpty() && unrouted.isEmpty())
                .as("routed but missing from docs/openapi.yaml (document them): %s%n"
                        + "documented there but routed nowhere (route them, or take them out): %s", undocumented, unrouted)
                .isTrue();
        assertThat(routes()).as("each route registered once").hasSize(routed.size());
    }

    @Test
    void everyOperation_namesTheRoleTheHandlerAsks_andAnAdminOneDocumentsTheRefusal() {
        Map<String, String> routed = new TreeMap<>();
        routes().forEach(route -> routed.put(ApiDocument.normalised(route), route));
        List<String> wrong = new ArrayList<>();
        for (Operation o : doc.operations()) {
            String route = routed.get(o.method() + " " + ApiDocument.normalised(o.path()));
            if (route == null) {
                continue; // not routed: the test above names it
            }
            String[] methodAndTemplate = route.split(" ", 2);
            Role required = Permissions.required(methodAndTemplate[0], methodAndTemplate[1]);
            String documented = o.node().path("x-crmflow-role").asText();
            if (!documented.equals(required.name().toLowerCase(Locale.ROOT))) {
                wrong.add(o.name() + " needs " + required + ", documented '" + documented + "'");
            }
            if (required == Role.ADMIN && !o.node().path("responses").has("403")) {
                wrong.add(o.name() + " needs ADMIN and documents no 403");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyOperation_hasAUniqueOperationId_aSummaryAndATag() {
        List<String> missing = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Operation o : doc.operations()) {
            if (o.node().path("operationId").asText().isBlank() || o.node().path("summary").asText().isBlank()
                    || o.node().path("tags").isEmpty()) {
                missing.add(o.name());
            }
            ids.add(o.node().path("operationId").asText());
        }
        assertThat(missing).as("operations without an operationId, a summary or a tag").isEmpty();
        assertThat(ids).as("operationIds").doesNotHaveDuplicates();
    }

    @Test
    void everyPathParameter_isDeclared_andEveryDeclaredOneIsInThePath() {
        List<String> mismatched = new ArrayList<>();
        for (Operation o : doc.operations()) {
            Set<String> inTemplate = new TreeSet<>();
            Matcher m = TEMPLATE_PARAMETER.matcher(o.path());
            while (m.find()) {
                inTemplate.add(m.group(1));
            }
            Set<String> declared = o.parameters().stream().map(doc::resolve)
                    .filter(p -> p.path("in").asText().equals("path")).map(p -> p.path("name").asText())
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!inTemplate.equals(declared)) {
                mismatched.add(o.name() + " declares " + declared);
            }
        }
        assertThat(mismatched).as("operations whose path parameters differ from their template's").isEmpty();
    }

    @Test
    void everyPost_takesAnIdempotencyKey_andDocumentsTheKeyReusedAndTheKeyInUse() {
        List<String> missing = new ArrayList<>();
        for (Operation o : doc.operations()) {
            if (!o.method().equals("POST")) {
                continue;
            }
            if (!refersTo(o.parameters(), PARAMETERS + "IdempotencyKey")) {
                missing.add(o.name() + ": the IdempotencyKey parameter");
            }
            if (!o.node().path("responses").has("422") || !o.node().path("responses").has("409")) {
                missing.add(o.name() + ": the 409 (key in use) and 422 (key reused with another body) answers");
            }
        }
        assertThat(missing).as("POST operations missing").isEmpty();
        assertThat(doc.target(PARAMETERS + "IdempotencyKey").path("name").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void everyPagedAnswer_takesLimitAndCursor_andEveryOperationTakingThemAnswersAPage() {
        List<String> mismatched = new ArrayList<>();
        for (Operation o : doc.operations()) {
            boolean paged = answersAPage(o);
            boolean takesPaging = refersTo(o.parameters(), PARAMETERS + "Limit")
                    && refersTo(o.parameters(), PARAMETERS + "Cursor");
            boolean takesCursor = refersTo(o.parameters(), PARAMETERS + "Cursor");
            if (paged && !takesPaging) {
                mismatched.add(o.name() + " answers a page without taking limit and cursor");
            }
            if (takesCursor && !paged) {
                mismatched.add(o.name() + " takes a cursor without answering a page");
            }
        }
        assertThat(mismatched).isEmpty();
        assertThat(doc.operations().stream().filter(this::answersAPage)).as("lists documented").hasSizeGreaterThan(10);
    }

    @Test
    void everyOperation_answersItsErrorsAsProblemDocuments() {
        List<String> wrong = new ArrayList<>();
        for (Operation o : doc.operations()) {
            List<String> errors = new ArrayList<>();
            o.node().path("responses").fieldNames().forEachRemaining(status -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    errors.add(status);
                }
            });
            if (errors.isEmpty()) {
                wrong.add(o.name() + " documents no error");
            }
            for (String status : errors) {
                JsonNode schema = doc.resolve(o.node().path("responses").get(status))
                        .at("/content/application~1problem+json/schema");
                if (!schema.path("$ref").asText().equals(PROBLEM)) {
                    wrong.add(o.name() + " " + status + " is not application/problem+json with the Problem schema");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyRef_pointsAtSomethingInTheDocument() {
        List<String> dangling = doc.refs().stream().filter(ref -> doc.target(ref).isMissingNode()).distinct().toList();

        assertThat(dangling).as("$refs that point at nothing").isEmpty();
        assertThat(doc.refs()).as("refs checked").hasSizeGreaterThan(100);
    }

    /** Whether the operation's 200 answer is a page, or holds one (a contact's journey log). */
    private boolean answersAPage(Operation o) {
        JsonNode schema = doc.resolve(o.node().path("responses").path("200")).at("/content/application~1json/schema");
        if (schema.isMissingNode()) {
            return false;
        }
        if (isPage(schema)) {
            return true;
        }
        for (JsonNode property : doc.resolve(schema).path("properties")) {
            if (isPage(property)) {
                return true;
            }
        }
        return false;
    }

    private boolean isPage(JsonNode schema) {
        if (schema.path("$ref").asText().equals(PAGE)) {
            return true;
        }
        JsonNode resolved = doc.resolve(schema);
        for (JsonNode part : resolved.path("allOf")) {
            if (isPage(part)) {
                return true;
            }
        }
        return false;
    }

    private static boolean refersTo(List<JsonNode> parameters, String ref) {
        return parameters.stream().anyMatch(p -> p.path("$ref").asText().equals(ref));
    }
}
