package io.crmflow.local.it;

import io.crmflow.journey.JourneyExamples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Valid requests for the fuzz to start from, one or more per route, over a tenant that
 * {@link #setUp} fills with what they name: users, a team, lists, pipelines, records, workflows
 * (every example of docs/workflows.md), an enrollment, a stage action and a published journey
 * (docs/journeys.md). A route with no example here is still fuzzed, from {@link #generic}.
 */
final class FuzzExamples {
    /** Replaced by a fresh id in each request, so that creating requests can succeed again and again. */
    static final String FRESH = "__fresh__";

    /**
     * Sent by the fuzz's client of that name ({@code ana}, a user of the tenant, by hand), or by the
     * tenant's own client when null; {@link #NEW_TENANT} is a tenant of its own, {@code t-} and the
     * request's fresh id, as creating a tenant needs.
     */
    static final String NEW_TENANT = "new tenant";

    /** @param client the fuzz client that sends it (see {@link #NEW_TENANT}), or null for the tenant's own */
    record Example(String method, String template, String path, String body, String client) {
        RegisteredRoute route() {
            return new RegisteredRoute(method, template);
        }
    }

    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
    private static final String SALES = """
            {"label": "Sales", "stages": [
              {"id": "appointmentscheduled", "label": "Appointment scheduled", "open": true},
              {"id": "contractsent", "label": "Contract sent", "open": true},
              {"id": "closedwon", "label": "Closed won", "open": false}]}""";
    private static final String SUPPORT = """
            {"label": "Support", "stages": [
              {"id": "new", "label": "New", "open": true},
              {"id": "waiting", "label": "Waiting on contact", "open": true},
              {"id": "closed", "label": "Closed", "open": false}]}""";
    private static final String SUBSCRIPTION = """
            {"properties": [{"name": "name", "type": "string"}, {"name": "seats", "type": "number"},
              {"name": "active", "type": "bool"}, {"name": "plan", "type": "enumeration", "options": ["basic", "gold"]}]}""";
    private static final String MANUAL = """
            {"name": "By hand", "objectType": "contact", "firstActionId": "set",
             "actions": [{"type": "set_property", "id": "set", "property": "jobtitle", "value": "Seen"}]}""";
    private static final String TASK = "{\"type\": \"create_task\", \"id\": \"call\", \"subject\": \"Call {{firstname}}\"}";
    private static final String STAGE = "/pipelines/{type}/{pipelineId}/stages/{stageId}";
    private static final String CONTRACT_SENT = "/pipelines/deal/sales/stages/contractsent";
    private static final String ACTIVITY = """
            {"record": {"objectType": "contact", "id": "c-1"},
             "activity": {"type": "email_replied", "actor": {"kind": "RECORD", "id": "c-1"}, "attributes": {"subject": "Re"}}}""";

    private FuzzExamples() {
    }

    /** What the examples name, made in the tenant {@code api} speaks for. */
    static void setUp(Api api) {
        for (String user : List.of("ana", "bob")) {
            api.put("/users/" + user, "{\"email\": \"" + user + "@example.com\", \"name\": \"" + user + "\"}").expect(200);
        }
        api.put("/teams/sales", "{\"name\": \"Sales\", \"userIds\": [\"ana\"]}").expect(200);
        api.patch("/settings/webhooks", "{\"signingSecret\": \"whsec-" + "0123456789abcdef".repeat(2) + "\"}").expect(200);
        api.put("/object-types/subscription", SUBSCRIPTION).expect(200);
        for (String list : List.of("vip", "newsletter", "webinar", "customers", "unsubscribed")) {
            api.put("/lists/" + list, "{\"name\": \"" + list + "\", \"objectType\": \"contact\", \"kind\": \"static\"}")
                    .expect(200);
        }
        api.put("/pipelines/deal/sales", SALES).expect(200);
        api.put("/pipelines/ticket/support", SUPPORT).expect(200);
        api.post("/records/company", "{\"id\": \"co-1\", \"properties\": {\"name\": \"Acme\"}}").expect(201);
        for (String id : List.of("c-1", "c-2", "c-3")) {
            api.post("/records/contact", "{\"id\": \"" + id + "\", \"properties\": {\"email\": \"" + id
                    + "@example.com\", \"firstname\": \"Ada\", \"lifecyclestage\": \"lead\"}}").expect(201);
        }
        api.post("/records/deal", "{\"id\": \"d-1\", \"properties\": {\"dealname\": \"Big\", \"pipeline\": \"sales\","
                + " \"dealstage\": \"appointmentscheduled\"}}").expect(201);
        api.put("/workflows/welcome", MANUAL).expect(200);
        api.put("/workflows/by-hand", MANUAL).expect(200);
        api.post("/workflows/by-hand/enrollments", "{\"objectType\": \"contact\", \"id\": \"c-1\"}").expect(201);
        api.post(CONTRACT_SENT + "/actions", TASK).expect(201);
        api.as("ana").post("/journeys", Journeys.journey("j1")).expect(201);
        api.post("/journeys/j1/publish", "{\"enrollExisting\": false, \"createStageReports\": true}").expect(200);
    }

    /** The examples, in the setup {@link #setUp} made; {@code templateId} is one of the workflow templates. */
    static List<Example> all(String templateId, String emailTemplateId) {
        List<Example> all = new ArrayList<>();
        all.add(new Example("POST", "/tenants", "/tenants", "{\"id\": \"t-" + FRESH + "\", \"name\": \"Fuzz\","
                + " \"timezone\": \"Europe/Paris\"}", NEW_TENANT));
        all.add(put("/object-types/{name}", "/object-types/subscription", SUBSCRIPTION));
        all.add(get("/settings/webhooks", "/settings/webhooks"));
        all.add(patch("/settings/webhooks", "/settings/webhooks", "{\"allowPrivateTargets\": false}"));
        all.add(post("/records/{type}", "/records/contact", "{\"id\": \"c-" + FRESH + "\", \"properties\": {\"email\":"
                + " \"ada@example.com\", \"lifecyclestage\": \"lead\", \"firstname\": \"Ada\"},"
                + " \"associations\": [{\"objectType\": \"company\", \"id\": \"co-1\", \"label\": \"primary\"}]}"));
        all.add(post("/records/{type}", "/records/deal", "{\"properties\": {\"dealname\": \"Deal\", \"pipeline\": \"sales\","
                + " \"dealstage\": \"contractsent\", \"amount\": \"100\"}}"));
        all.add(post("/records/{type}", "/records/subscription", "{\"properties\": {\"name\": \"S\", \"seats\": \"3\","
                + " \"active\": \"true\", \"plan\": \"gold\"}}"));
        all.add(get("/records/{type}/{id}", "/records/contact/c-1"));
        all.add(patch("/records/{type}/{id}", "/records/contact/c-2", "{\"properties\": {\"lifecyclestage\": \"customer\","
                + " \"firstname\": \"Bea\"}}"));
        all.add(patch("/records/{type}/{id}", "/records/deal/d-1", "{\"properties\": {\"dealstage\": \"closedwon\"}}"));
        all.add(get("/records/{type}/{id}/stage-history", "/records/deal/d-1/stage-history"));
        all.add(get("/records/{type}/{id}/associations", "/records/contact/c-1/associations"));
        all.add(post("/records/{type}/{id}/associations", "/records/contact/c-2/associations",
                "{\"objectType\": \"company\", \"id\": \"co-1\", \"label\": \"primary\"}"));
        all.add(post("/events", "/events", ACTIVITY));
        all.add(put("/pipelines/{type}/{id}", "/pipelines/deal/sales", SALES));
        all.add(get("/pipelines/{type}", "/pipelines/deal"));
        all.add(put("/lists/{id}", "/lists/active-" + FRESH, "{\"name\": \"Leads\", \"objectType\": \"contact\", \"kind\":"
                + " \"active\", \"filter\": {\"groups\": [{\"conditions\": [{\"type\": \"property\", \"property\":"
                + " \"lifecyclestage\", \"operator\": \"eq\", \"values\": [\"lead\"]}]}]}}"));
        all.add(put("/lists/{id}/members/{type}/{recordId}", "/lists/vip/members/contact/c-2", null));
        all.add(delete("/lists/{id}/members/{type}/{recordId}", "/lists/vip/members/contact/c-2"));
        all.add(get("/workflow-templates", "/workflow-templates"));
        all.add(post("/workflow-templates/{id}/workflows", "/workflow-templates/" + templateId + "/workflows",
                "{\"name\": \"From a template\"}"));
        for (String workflow : documentedWorkflows()) {
            all.add(post("/workflows", "/workflows", workflow));
            all.add(put("/workflows/{id}", "/workflows/w-" + FRESH, workflow));
        }
        all.add(get("/workflows", "/workflows?limit=5"));
        all.add(get("/workflows/{id}", "/workflows/by-hand"));
        all.add(patch("/workflows/{id}", "/workflows/by-hand", "{\"enabled\": true}"));
        all.add(post("/workflows/{id}/activation", "/workflows/welcome/activation", "{\"enrollExisting\": false}"));
        all.add(get("/workflows/{id}/activation", "/workflows/welcome/activation"));
        all.add(delete("/workflows/{id}/actions/{actionId}", "/workflows/welcome/actions/set?mode=only"));
        all.add(get("/workflows/{id}/enrollments", "/workflows/by-hand/enrollments?limit=1"));
        all.add(post("/workflows/{id}/enrollments", "/workflows/by-hand/enrollments",
                "{\"objectType\": \"contact\", \"id\": \"c-2\"}"));
        all.add(get("/workflows/{id}/metrics", "/workflows/by-hand/metrics"));
        all.add(get("/workflows/{id}/details", "/workflows/by-hand/details"));
        all.add(get("/enrollments/{id}", "/enrollments/by-hand~contact~c-1"));
        all.add(get("/enrollments/{id}/history", "/enrollments/by-hand~contact~c-1/history"));
        all.addAll(peopleAndPipelineExamples(emailTemplateId));
        all.addAll(journeyExamples());
        return all;
    }

    private static List<Example> peopleAndPipelineExamples(String emailTemplateId) {
        return List.of(
                put("/users/{id}", "/users/bob", "{\"email\": \"bob@example.com\", \"name\": \"Bob\"}"),
                get("/users", "/users?limit=1"),
                get("/users/{id}", "/users/ana"),
                get("/users/{id}/notifications", "/users/ana/notifications?limit=3"),
                put("/teams/{id}", "/teams/sales", "{\"name\": \"Sales\", \"userIds\": [\"ana\", \"bob\"]}"),
                get("/teams", "/teams?limit=1"),
                get("/teams/{id}", "/teams/sales"),
                get("/pipelines/{type}/{pipelineId}/automation", "/pipelines/deal/sales/automation"),
                put(STAGE + "/actions", CONTRACT_SENT + "/actions", "{\"actions\": [" + TASK + "]}"),
                post(STAGE + "/actions", CONTRACT_SENT + "/actions", TASK.replace("\"call\"", "\"a-" + FRESH + "\"")),
                put(STAGE + "/actions/{actionId}", CONTRACT_SENT + "/actions/call", TASK),
                delete(STAGE + "/actions/{actionId}", CONTRACT_SENT + "/actions/call?mode=only"),
                patch(STAGE, CONTRACT_SENT, "{\"enabled\": true}"),
                new Example("POST", STAGE + "/actions/{actionId}/comments", CONTRACT_SENT + "/actions/call/comments",
                        "{\"text\": \"Due in two days?\"}", "ana"),
                new Example("POST", "/workflows/{id}/actions/{actionId}/comments", "/workflows/by-hand/actions/set/comments",
                        "{\"text\": \"Why?\"}", "ana"),
                get("/workflows/{id}/comments", "/workflows/by-hand/comments"),
                get("/email-templates", "/email-templates"),
                get("/email-templates/{id}", "/email-templates/" + emailTemplateId),
                put("/email-templates/{id}", "/email-templates/" + emailTemplateId,
                        "{\"subject\": \"We got it: {{ticket.subject}}\", \"body\": \"Thanks, {{contact.firstname|there}}.\"}"),
                get("/pipelines/lead/{pipelineId}/templated-automations", "/pipelines/lead/lead-pipeline/templated-automations"),
                patch("/pipelines/lead/{pipelineId}/templated-automations", "/pipelines/lead/lead-pipeline/templated-automations",
                        "{\"createLead\": {\"enabled\": true, \"lifecycleStages\": [\"salesqualifiedlead\"]}}"),
                get("/pipelines/{type}/{id}/email-rules", "/pipelines/ticket/support/email-rules"),
                put("/pipelines/{type}/{id}/email-rules", "/pipelines/ticket/support/email-rules",
                        "{\"emailSentToCustomer\": {\"enabled\": true, \"status\": \"waiting\"},"
                                + " \"customerReplied\": {\"enabled\": true, \"status\": \"new\"}}"));
    }

    private static List<Example> journeyExamples() {
        return List.of(
                new Example("POST", "/journeys", "/journeys", Journeys.journey("j-" + FRESH), "ana"),
                get("/journeys", "/journeys?limit=1"),
                get("/journeys/{id}", "/journeys/j1"),
                put("/journeys/{id}/draft", "/journeys/j1/draft", JourneyExamples.NURTURE.replaceFirst("^\\{",
                        "{\"baseVersion\": 2, ")),
                post("/journeys/{id}/publish", "/journeys/j1/publish", "{\"enrollExisting\": false, \"createStageReports\": false}"),
                get("/journeys/{id}/versions", "/journeys/j1/versions?limit=2"),
                get("/journeys/{id}/versions/{n}", "/journeys/j1/versions/1"),
                post("/journeys/{id}/versions/{n}/restore", "/journeys/j1/versions/1/restore", null),
                get("/journeys/{id}/stages/{stageId}/versions", "/journeys/j1/stages/subscribed/versions?limit=1"),
                get("/journeys/{id}/metrics", "/journeys/j1/metrics"),
                get("/journeys/{id}/views", "/journeys/j1/views"),
                get("/journeys/{id}/stage-reports", "/journeys/j1/stage-reports"),
                get("/journeys/{id}/enrollments", "/journeys/j1/enrollments?limit=1"),
                get("/journeys/{id}/contacts/{contactId}", "/journeys/j1/contacts/c-1"));
    }

    /**
     * A request for a route no example covers (a route added since): its parameters filled with
     * ids the setup made, no body beyond an empty object.
     */
    static Example generic(RegisteredRoute route) {
        String path = route.template().replaceAll("\\{type}", "contact").replaceAll("\\{[a-zA-Z]*[iI]d}", "c-1")
                .replaceAll("\\{[a-zA-Z]+}", "1");
        boolean body = !route.method().equals("GET") && !route.method().equals("DELETE");
        return new Example(route.method(), route.template(), path, body ? "{}" : null, null);
    }

    /** Every workflow docs/workflows.md shows, as the API takes it. */
    private static List<String> documentedWorkflows() {
        Path doc = Path.of("..", "docs", "workflows.md");
        try {
            List<String> workflows = new ArrayList<>();
            Matcher m = JSON_BLOCK.matcher(Files.readString(doc));
            while (m.find()) {
                workflows.add(m.group(1));
            }
            return workflows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Example get(String template, String path) {
        return new Example("GET", template, path, null, null);
    }

    private static Example delete(String template, String path) {
        return new Example("DELETE", template, path, null, null);
    }

    private static Example post(String template, String path, String body) {
        return new Example("POST", template, path, body, null);
    }

    private static Example put(String template, String path, String body) {
        return new Example("PUT", template, path, body, null);
    }

    private static Example patch(String template, String path, String body) {
        return new Example("PATCH", template, path, body, null);
    }

    /** The examples by route. */
    static Map<RegisteredRoute, List<Example>> byRoute(List<Example> examples) {
        Map<RegisteredRoute, List<Example>> byRoute = new java.util.HashMap<>();
        examples.forEach(e -> byRoute.computeIfAbsent(e.route(), r -> new ArrayList<>()).add(e));
        return byRoute;
    }
}
