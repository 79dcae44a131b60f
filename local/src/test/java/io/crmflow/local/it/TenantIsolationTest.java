package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Tenant isolation: every route the API registers, called with tenant B's token on tenant A's
 * data — A's contact, deal, pipelines, lists, workflow and its enrollment, journey, users, team,
 * email template, comments — never answers with A's data and never changes it. A route that
 * names one of A's items by its id answers 404, exactly as for an id nobody has. Ids are a
 * tenant's own, so a PUT that names an id creates B's own item of that name; what is checked
 * there is that A's item is left as it was.
 *
 * <p>The routes come from the handler itself, so a route added later is walked too, and the
 * walk fails until it knows what to put in the new route's path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTest {
    /** In every value of A's that a leak could show; B never sends it. */
    private static final String SECRET = "alphasecret";
    /** A PUT to one of these names an item by its id: for B, that is B's own item of the name. */
    private static final Set<String> UPSERTS = Set.of("PUT /object-types/{name}", "PUT /pipelines/{type}/{id}",
            "PUT /lists/{id}", "PUT /workflows/{id}", "PUT /users/{id}", "PUT /teams/{id}", "PUT /email-templates/{id}");
    /** Routes on a tenant's own settings, a tenant's collection, or the shipped templates: B's own answer. */
    private static final Pattern OWN = Pattern.compile("^(POST /tenants|POST /events|POST /records/\\{type}"
            + "|(GET|PATCH) /settings/webhooks|GET /(workflows|journeys|users|teams|email-templates|workflow-templates|lists)"
            + "|GET /pipelines/\\{type}|POST /(workflows|journeys)|(GET|POST) /workflow-templates.*"
            + "|(GET|PATCH) /pipelines/lead/\\{pipelineId}/templated-automations"
            // Shipped email texts: each tenant reads the shipped text until it writes its own.
            + "|GET /email-templates/\\{id})$");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private WorkflowScenario a;
    private String journeyStage;
    private String enrollmentId;

    @BeforeAll
    void tenantAWithOneOfEverything() {
        a = Journeys.scenario();
        Api api = a.api;
        api.put("/users/ana", "{\"email\": \"ana+" + SECRET + "@example.com\", \"name\": \"Ana " + SECRET + "\"}").expect(200);
        api.put("/teams/alpha-team", "{\"name\": \"Team " + SECRET + "\", \"userIds\": [\"ana\"]}").expect(200);
        api.put("/pipelines/deal/alpha-deals", "{\"label\": \"Deals " + SECRET + "\", \"stages\": ["
                + "{\"id\": \"open\", \"label\": \"Open\", \"open\": true},"
                + "{\"id\": \"won\", \"label\": \"Won " + SECRET + "\", \"open\": false}]}").expect(200);
        api.put("/pipelines/ticket/alpha-desk", "{\"label\": \"Desk " + SECRET + "\", \"stages\": ["
                + "{\"id\": \"new\", \"label\": \"New\", \"open\": true},"
                + "{\"id\": \"closed\", \"label\": \"Closed\", \"open\": false}]}").expect(200);
        api.put("/pipelines/ticket/alpha-desk/email-rules", "{\"emailSentToCustomer\": {\"enabled\": true, \"status\": \"new\"},"
                + " \"customerReplied\": {\"enabled\": false, \"status\": \"new\"}}").expect(200);
        api.put("/email-templates/ticket_closed", "{\"subject\": \"Closed " + SECRET + "\", \"body\": \"Bye\"}").expect(200);
        api.put("/object-types/alpha_thing", "{\"properties\": [{\"name\": \"code\", \"type\": \"string\"}]}").expect(200);
        a.contact("c-alpha", Map.of("firstname", SECRET, "lifecyclestage", "lead", "hs_marketable_status", "true"));
        a.join("newsletter", "c-alpha");
        a.record("deal", "d-alpha", Map.of("dealname", "Deal " + SECRET, "pipeline", "alpha-deals", "dealstage", "open"));
        api.post("/records/contact/c-alpha/associations", "{\"objectType\": \"deal\", \"id\": \"d-alpha\"}").expect(204);
        a.save("wf-alpha", "{\"name\": \"Workflow " + SECRET + "\", \"objectType\": \"contact\", \"firstActionId\": \"note\","
                + " \"actions\": [{\"type\": \"set_property\", \"id\": \"note\", \"property\": \"jobtitle\", \"value\": \""
                + SECRET + "\"}]}");
        enrollmentId = api.post("/workflows/wf-alpha/enrollments", "{\"objectType\": \"contact\", \"id\": \"c-alpha\"}")
                .expect(201).json().get("id").asText();
        api.as("ana").post("/workflows/wf-alpha/actions/note/comments", "{\"text\": \"Comment " + SECRET + "\"}").expect(201);
        api.as("ana").post("/journeys", Journeys.journey("j-alpha")).expect(201);
        api.post("/journeys/j-alpha/publish", "{\"enrollExisting\": true, \"createStageReports\": true}").expect(200);
        a.stack.drain();
        journeyStage = api.get("/journeys/j-alpha").expect(200).json().at("/draft/stages/0/id").asText();
    }

    /** A tenant of its own for each walk: what one walk creates for B must not answer the next. */
    private Api newTenantB() {
        return Api.forNewTenant(a.stack, SharedStack.uniqueTenant());
    }

    @Test
    @DisplayName("R-RUN-6: tenant B's admin token on every route never reads or changes tenant A's data")
    void adminOfAnotherTenant_neverReachesTenantAsData() {
        walk(newTenantB(), "admin");
    }

    @Test
    @DisplayName("R-RUN-6: tenant B's agent token on every route never reads or changes tenant A's data")
    void agentOfAnotherTenant_neverReachesTenantAsData() {
        walk(newTenantB().asAgent(), "agent");
    }

    private void walk(Api b, String role) {
        SortedSet<String> before = itemsOf(a.tenant);
        List<String> wrong = new ArrayList<>();
        List<RegisteredRoute> routes = new ArrayList<>(RegisteredRoute.of(a.stack));
        // What creates B's own items goes last, so every other route meets ids B does not have.
        routes.sort(Comparator.comparing(route -> createsBsOwn(route.method() + " " + route.template())));
        for (RegisteredRoute registered : routes) {
            String method = registered.method();
            String template = registered.template();
            String route = method + " " + template;
            Api.Answer answer = b.call(method, path(template) + (method.equals("DELETE") && template.contains("/actions/")
                    ? "?mode=only" : ""), body(route));
            if (answer.status() >= 500) {
                wrong.add(route + " answered " + answer.status() + ": " + answer.body());
            }
            if (answer.body() != null && answer.body().contains(SECRET)) {
                wrong.add(route + " showed tenant A's data: " + answer.body());
            }
            boolean namesAnItemOfA = PARAMETER.matcher(template).find() && !createsBsOwn(route);
            boolean refusedForRole = answer.status() == 403 && role.equals("agent");
            if (namesAnItemOfA && answer.status() != 404 && !refusedForRole) {
                wrong.add(route + " answered " + answer.status() + " instead of 404: " + answer.body());
            }
        }
        // What B's calls set going (events, steps) runs before A's items are looked at again.
        a.stack.drain();
        assertThat(wrong).as("%d routes walked with B's %s token", routes.size(), role).isEmpty();
        assertThat(itemsOf(a.tenant)).as("tenant A's items after the walk").isEqualTo(before);
    }

    /** Whether the route, called by B, answers with B's own items, or makes them, whatever ids it names. */
    private static boolean createsBsOwn(String route) {
        return UPSERTS.contains(route) || OWN.matcher(route).matches();
    }

    /** The route's path with each parameter naming one of A's items. */
    private String path(String template) {
        Matcher parameters = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameters.find()) {
            parameters.appendReplacement(path, Matcher.quoteReplacement(valueFor(template, parameters.group(1))));
        }
        return parameters.appendTail(path).toString();
    }

    private String valueFor(String template, String parameter) {
        return switch (parameter) {
            case "type" -> template.contains("/email-rules") ? "ticket" : template.startsWith("/pipelines") ? "deal" : "contact";
            case "id" -> idIn(template);
            case "name" -> "alpha_thing";
            case "recordId", "contactId" -> "c-alpha";
            case "actionId" -> "note";
            case "n" -> "1";
            case "stageId" -> template.startsWith("/pipelines") ? "open" : journeyStage;
            case "pipelineId" -> template.contains("/lead/") ? "lead-pipeline" : "alpha-deals";
            default -> throw new AssertionError("the walk knows no value of A's for {" + parameter + "} in " + template
                    + "; add one here");
        };
    }

    private String idIn(String template) {
        String collection = template.split("/")[1];
        return switch (collection) {
            case "records" -> "c-alpha";
            case "workflows" -> "wf-alpha";
            case "enrollments" -> enrollmentId;
            case "journeys" -> "j-alpha";
            case "lists" -> "newsletter";
            case "users" -> "ana";
            case "teams" -> "alpha-team";
            case "email-templates" -> "ticket_closed";
            case "pipelines" -> template.contains("/email-rules") ? "alpha-desk" : "alpha-deals";
            case "workflow-templates" -> "new-contact-welcome";
            default -> throw new AssertionError("the walk knows no id of A's under /" + collection + "; add one here");
        };
    }

    /** A body the route would accept for A, so a refusal is about whose data it is, not about the body. */
    private String body(String route) {
        return switch (route) {
            case "POST /tenants" -> "{\"name\": \"B\"}";
            case "POST /records/{type}" -> "{\"id\": \"c-b\", \"properties\": {\"firstname\": \"b\"}}";
            case "PATCH /records/{type}/{id}" -> "{\"properties\": {\"firstname\": \"b\"}}";
            case "POST /records/{type}/{id}/associations" -> "{\"objectType\": \"deal\", \"id\": \"d-alpha\"}";
            case "POST /events" -> "{\"record\": {\"objectType\": \"contact\", \"id\": \"c-alpha\"},"
                    + " \"activity\": {\"type\": \"email_opened\", \"actor\": {\"kind\": \"RECORD\", \"id\": \"c-1\"}}}";
            case "POST /workflows/{id}/enrollments" -> "{\"objectType\": \"contact\", \"id\": \"c-alpha\"}";
            case "PATCH /workflows/{id}" -> "{\"enabled\": false}";
            case "POST /workflows/{id}/activation" -> "{\"enrollExisting\": true}";
            case "POST /workflows/{id}/actions/{actionId}/comments" -> "{\"text\": \"b\"}";
            case "PUT /journeys/{id}/draft" -> Journeys.draftOf(a.api.get("/journeys/j-alpha").json(), "{", "{");
            case "PUT /pipelines/{type}/{pipelineId}/stages/{stageId}/actions" -> "{\"actions\": []}";
            case "POST /pipelines/{type}/{pipelineId}/stages/{stageId}/actions",
                 "PUT /pipelines/{type}/{pipelineId}/stages/{stageId}/actions/{actionId}" ->
                    "{\"type\": \"create_task\", \"id\": \"note\", \"subject\": \"Call\"}";
            case "PATCH /pipelines/{type}/{pipelineId}/stages/{stageId}" -> "{\"enabled\": false}";
            case "PUT /pipelines/{type}/{id}/email-rules" -> "{\"emailSentToCustomer\": {\"enabled\": true, \"status\": \"new\"}}";
            case "POST /journeys/{id}/publish" -> "{\"enrollExisting\": false, \"createStageReports\": false}";
            default -> route.startsWith("GET") || route.startsWith("DELETE") ? null : "{}";
        };
    }

    /** Every item in the table that belongs to {@code tenant}, as text, in order. */
    private SortedSet<String> itemsOf(String tenant) {
        return new TreeSet<>(TableText.itemsContaining(a.stack, tenant));
    }
}
