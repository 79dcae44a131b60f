package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every route that answers a list, walked a small page at a time through the handler: each takes
 * {@code limit} and {@code cursor}, answers {@code items} and {@code nextCursor}, hands out every
 * item once in the order one large page has them, and refuses a cursor it did not hand out, saying
 * so at {@code /query/cursor}. The routes walked are those the API document says are lists, so a
 * list route documented later fails here until it is walked too.
 */
@DisplayName("R-RUN-6 every list route pages by an opaque cursor, each item once, in order")
class ListPagingTest {
    private static final String WORKFLOW = """
            {"name": "Tell Ana", "objectType": "contact", "firstActionId": "tell",
             "actions": [
               {"type": "notify", "id": "tell", "recipients": {"users": ["ana"]}, "channels": ["in_app"],
                "subject": "{{firstname|Someone}} came in", "body": "Have a look.", "next": "title"},
               {"type": "set_property", "id": "title", "property": "jobtitle", "value": "Seen", "next": "city"},
               {"type": "set_property", "id": "city", "property": "lastname", "value": "Seen"}
             ]}""";

    private final LiveJourney journey = new LiveJourney("nurture", LiveJourney.example());
    private final WorkflowScenario s = journey.s;
    private final Api api = journey.api;
    /** Base64url, as a cursor is, of what no listing hands out. */
    private static final String MADE_UP_CURSOR = "bm90IGEgY3Vyc29y";

    private final TreeSet<String> walked = new TreeSet<>();
    /** A cursor handed out by the listing walked first: every other listing must refuse it. */
    private String foreignCursor;

    @Test
    void everyListRoute_handsOutEachItemOnceInOrder_aPageAtATime_andRefusesACursorItDidNotHandOut() {
        workflowsWithEnrollmentsHistoriesAndComments();
        recordsWithStagesAndAssociations();
        peopleAndPipelines();
        journeysWithVersionsEnrollmentsAndLogs();
        walk("/workflow-templates", "/workflow-templates", 2, "/id", List.of("deal-won-follow-up",
                "nurture-leads", "welcome-new-contacts"));
        walk("/email-templates", "/email-templates", 1, "/template/id", List.of("ticket_closed", "ticket_received"));

        assertThat(walked).as("the list routes of the API document, each walked here")
                .containsExactlyInAnyOrderElementsOf(ApiDocumentLists.routes());
    }

    private void workflowsWithEnrollmentsHistoriesAndComments() {
        // Beside these, the published journey runs as a workflow of its own, listed with them.
        for (String id : List.of("w3", "w1", "w2")) {
            s.save(id, WORKFLOW);
        }
        for (String id : List.of("c1", "c2", "c3")) {
            s.contact(id, Map.of("firstname", id));
        }
        s.enroll("w1", "c1", "c2", "c3");
        List<String> comments = new ArrayList<>();
        for (String text : List.of("Why Ana?", "Ana asked for it", "Fine")) {
            comments.add(api.as("bob").post("/workflows/w1/actions/tell/comments", "{\"text\": \"" + text + "\"}")
                    .expect(201).json().get("id").asText());
        }

        walk("/workflows", "/workflows", 2, "/id", List.of("journey:nurture", "w1", "w2", "w3"));
        walk("/workflows/{id}/enrollments", "/workflows/w1/enrollments", 2, "/record/id", List.of("c1", "c2", "c3"));
        walk("/enrollments/{id}/history", "/enrollments/" + WorkflowScenario.ofContact("w1", "c1") + "/history", 2,
                "/index", List.of("0", "1", "2", "3", "4"));
        walk("/workflows/{id}/comments", "/workflows/w1/comments", 2, "/id", comments);
        walk("/users/{id}/notifications", "/users/ana/notifications", 2, "/record/id", List.of("c1", "c2", "c3"));
    }

    private void recordsWithStagesAndAssociations() {
        api.post("/records/deal", "{\"id\": \"d1\", \"properties\": {\"pipeline\": \"default\","
                + " \"dealstage\": \"appointmentscheduled\"}}").expect(201);
        api.patch("/records/deal/d1", "{\"properties\": {\"dealstage\": \"qualifiedtobuy\"}}").expect(200);
        api.patch("/records/deal/d1", "{\"properties\": {\"dealstage\": \"contractsent\"}}").expect(200);
        for (String company : List.of("initech", "acme", "globex")) {
            api.post("/records/company", "{\"id\": \"" + company + "\", \"properties\": {\"name\": \"" + company
                    + "\"}}").expect(201);
            api.post("/records/deal/d1/associations", "{\"objectType\": \"company\", \"id\": \"" + company + "\"}")
                    .expect(204);
        }
        s.stack.drain();

        walk("/records/{type}/{id}/stage-history", "/records/deal/d1/stage-history", 2, "/to",
                List.of("appointmentscheduled", "default", "qualifiedtobuy", "contractsent"));
        walk("/records/{type}/{id}/associations", "/records/deal/d1/associations", 2, "/to/id",
                List.of("acme", "globex", "initech"));
    }

    /** People, pipelines, and the lists the journey's tenant was given. */
    private void peopleAndPipelines() {
        for (String user : List.of("cy", "dee")) {
            api.put("/users/" + user, "{\"email\": \"" + s.email(user) + "\"}").expect(200);
        }
        for (String team : List.of("support", "marketing", "sales")) {
            api.put("/teams/" + team, "{\"name\": \"" + team + "\", \"userIds\": [\"ana\"]}").expect(200);
        }
        for (String pipeline : List.of("renewals", "partners", "enterprise")) {
            api.put("/pipelines/deal/" + pipeline, "{\"stages\": [{\"id\": \"won\", \"label\": \"Won\","
                    + " \"open\": false}]}").expect(200);
        }

        walk("/users", "/users", 2, "/id", List.of("ana", "bob", "cy", "dee"));
        walk("/teams", "/teams", 2, "/id", List.of("marketing", "sales", "support"));
        walk("/pipelines/{type}", "/pipelines/deal", 2, "/id", List.of("enterprise", "partners", "renewals"));
        walk("/lists", "/lists", 2, "/id", List.of("customers", "newsletter", "unsubscribed", "webinar"));
    }

    private void journeysWithVersionsEnrollmentsAndLogs() {
        for (String contact : List.of("ada", "bea", "cal")) {
            journey.eligible(contact, null);
        }
        journey.set("ada", "lead");
        JsonNode live = api.get("/journeys/nurture").expect(200).json();
        api.as("bob").put("/journeys/nurture/draft", Journeys.draftOf(live, "\"value\":\"lead\"",
                "\"value\":\"salesqualifiedlead\"")).expect(200);
        api.as("ana").post("/journeys/nurture/versions/1/restore", null).expect(200);
        api.as("ana").post("/journeys", Journeys.journey("webinars", "[\"newsletter\"]", "[\"webinar\"]")).expect(201);
        api.as("ana").post("/journeys", Journeys.journey("both", "[\"newsletter\"]", "[\"newsletter\", \"webinar\"]"))
                .expect(201);

        walk("/journeys", "/journeys", 2, "/id", List.of("both", "nurture", "webinars"));
        walk("/journeys/{id}/versions", "/journeys/nurture/versions", 2, "/number", List.of("1", "2", "3", "4"));
        walk("/journeys/{id}/stages/{stageId}/versions", "/journeys/nurture/stages/lead/versions", 2, "/number",
                List.of("1", "3", "4"));
        walk("/journeys/{id}/enrollments", "/journeys/nurture/enrollments", 2, "/record/id",
                List.of("ada", "bea", "cal"));
        walk("/journeys/{id}/contacts/{contactId}", "/journeys/nurture/contacts/ada", 2, "/index",
                journey.log("ada").stream().map(line -> line.get("index").asText()).toList());
    }

    /**
     * Walks the listing at {@code path} {@code limit} items a page, and checks it against the whole
     * listing read as one page: the same items in the same order, none twice, more than one page,
     * and exactly the items {@code expected} names (by the field at {@code id}, in any order).
     */
    private void walk(String route, String path, int limit, String id, List<String> expected) {
        JsonNode onePage = page(path + "?limit=200");
        assertThat(onePage.path("nextCursor").isTextual()).as("%s fits one large page", path).isFalse();

        List<JsonNode> pageByPage = pageByPage(path, limit);

        assertThat(texts(pageByPage)).as("%s page by page, against one page", path).doesNotHaveDuplicates()
                .containsExactlyElementsOf(texts(onePage.get("items")));
        assertThat(pageByPage).extracting(item -> item.at(id).asText()).as("what %s lists", path)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertRefused(path, MADE_UP_CURSOR);
        if (!walked.isEmpty()) {
            assertRefused(path, foreignCursor);
        }
        walked.add(ApiDocumentLists.normalised("GET " + route));
    }

    /** Every item of the listing, following each page's cursor; more than one page of them. */
    private List<JsonNode> pageByPage(String path, int limit) {
        List<JsonNode> items = new ArrayList<>();
        int pages = 0;
        String cursor = null;
        do {
            JsonNode page = page(path + "?limit=" + limit + (cursor == null ? "" : "&cursor=" + encode(cursor)));
            assertThat(page.get("items").size()).as("a page of %s", path).isLessThanOrEqualTo(limit);
            page.get("items").forEach(items::add);
            cursor = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
            foreignCursor = foreignCursor == null ? cursor : foreignCursor;
            pages++;
        } while (cursor != null);
        assertThat(pages).as("%s in pages of %d", path, limit).isGreaterThan(1);
        return items;
    }

    private static List<String> texts(Iterable<JsonNode> items) {
        List<String> texts = new ArrayList<>();
        items.forEach(item -> texts.add(item.toString()));
        return texts;
    }

    private void assertRefused(String path, String cursor) {
        Api.Answer refused = api.get(path + "?limit=2&cursor=" + encode(cursor));
        assertThat(refused.status()).as("%s with a cursor it did not hand out: %s", path, refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.pointers()).as(path).containsExactly("/query/cursor");
    }

    /** The page in an answer: the answer itself, or, for a contact's journey log, its {@code log}. */
    private JsonNode page(String path) {
        JsonNode answer = api.get(path).expect(200).json();
        return answer.has("log") ? answer.get("log") : answer;
    }

    private static String encode(String cursor) {
        return URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }
}
