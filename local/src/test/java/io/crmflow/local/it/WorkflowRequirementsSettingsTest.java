package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-WF-6, 7, 9 and 10 through the API and the real handlers: a workflow's settings, switch and history. */
class WorkflowRequirementsSettingsTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris"); // the test tenants' timezone

    private static final String NURTURE = """
            {"name": "Nurture", "objectType": "contact",
             "trigger": {"criteria": {"groups": [{"conditions": [
               {"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["lead"]}]}]}},
             %s
             "firstActionId": "wait",
             "actions": [
               {"type": "delay", "id": "wait", "duration": "P2D", "next": "mail"},
               {"type": "send_email", "id": "mail", "kind": "transactional", "subject": "Still interested?", "body": "Hi."}]}""";

    @Test
    @DisplayName("R-WF-6 an action outside the execution window waits for the next opening, across a DST change")
    void R_WF_6_actionOutsideTheWindow_waitsForTheNextOpening_acrossADstChange() {
        var s = new WorkflowScenario();
        // The Saturday before Paris next changes its clocks (always on a Sunday), at noon.
        ZoneOffsetTransition change = PARIS.getRules().nextTransition(s.now().plus(Duration.ofDays(2)));
        LocalDate saturday = change.getInstant().atZone(PARIS).toLocalDate().minusDays(1);
        s.advanceTo(saturday.atTime(12, 0).atZone(PARIS).toInstant());
        s.save("office", """
                {"name": "Office hours", "objectType": "contact",
                 "window": {"days": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"], "from": "09:00", "until": "17:00"},
                 "firstActionId": "mail",
                 "actions": [{"type": "send_email", "id": "mail", "kind": "transactional", "subject": "Office hours",
                              "body": "We are open."}]}""");
        s.contact("ada", Map.of());
        s.enroll("office", "ada");

        Instant mondayNine = saturday.plusDays(2).atTime(LocalTime.of(9, 0)).atZone(PARIS).toInstant();
        Instant mondayNineAtSaturdaysOffset = saturday.plusDays(2).atTime(9, 0).toInstant(change.getOffsetBefore());
        assertThat(mondayNine).as("the clocks changed in between").isNotEqualTo(mondayNineAtSaturdaysOffset);
        assertThat(s.status("office", "ada")).isEqualTo("WAITING");
        assertThat(s.dueAt("office", "ada")).isEqualTo(mondayNine);
        assertThat(s.historyText("office", "ada"))
                .contains("outside the workflow's execution window: waiting until it opens at " + mondayNine);

        s.advanceTo(mondayNine.minusSeconds(60));
        assertThat(s.sent("office", "ada")).as("not before the window opens").isEmpty();
        s.advanceTo(mondayNine);
        assertThat(s.sent("office", "ada")).hasSize(1);
        assertThat(s.history("office~contact~ada")).filteredOn(line -> line.get("kind").asText().equals("ACTION_EXECUTED"))
                .singleElement().satisfies(line -> assertThat(Instant.parse(line.get("at").asText())).isEqualTo(mondayNine));
        assertThat(s.status("office", "ada")).isEqualTo("COMPLETED");
    }

    @Test
    @DisplayName("R-WF-7 suppression lists (never enrolled; unenrolled on joining, also during a wait), "
            + "unenrollment criteria, and the unenroll-from-workflows action")
    void R_WF_7_suppressionUnenrollmentCriteriaAndUnenrollAction() {
        var s = new WorkflowScenario();
        s.staticList("dnc");
        s.save("nurture", NURTURE.formatted("""
                "unenrollment": {"suppressionLists": ["dnc"], "criteria": {"groups": [{"conditions": [
                  {"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["customer"]}]}]}},"""));
        s.save("sales", """
                {"name": "Sales takes over", "objectType": "contact",
                 "trigger": {"criteria": {"groups": [{"conditions": [
                   {"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["opportunity"]}]}]}},
                 "firstActionId": "stop",
                 "actions": [{"type": "unenroll_from_workflows", "id": "stop", "workflowIds": ["nurture"]}]}""");

        s.contact("ada", Map.of());
        s.join("dnc", "ada");
        s.stage("ada", "lead");
        assertThat(s.status("nurture", "ada")).as("suppressed: never enrolled").isEqualTo("NOT ENROLLED");
        Api.Answer byHand = s.api.post("/workflows/nurture/enrollments", "{\"objectType\":\"contact\",\"id\":\"ada\"}");
        assertThat(byHand.status()).isEqualTo(400);
        assertThat(byHand.body()).contains("suppression list 'dnc'");

        for (String id : new String[] {"bob", "cy", "dan", "eve"}) {
            s.contact(id, Map.of("lifecyclestage", "lead"));
            assertThat(s.status("nurture", id)).isEqualTo("WAITING");
        }
        s.join("dnc", "bob");
        assertThat(s.status("nurture", "bob")).as("at once, during the wait").isEqualTo("UNENROLLED");
        s.stage("cy", "customer");
        assertThat(s.status("nurture", "cy")).isEqualTo("UNENROLLED");
        s.stage("dan", "opportunity");
        assertThat(s.status("nurture", "dan")).isEqualTo("UNENROLLED");

        s.advance(Duration.ofDays(3));
        assertThat(s.status("nurture", "eve")).isEqualTo("COMPLETED");
        assertThat(s.sent("nurture", "eve")).hasSize(1);
        for (String id : new String[] {"ada", "bob", "cy", "dan"}) {
            assertThat(s.sent("nurture", id)).as(id).isEmpty();
        }
        assertThat(s.historyText("nurture", "bob")).contains("on suppression list 'dnc'");
        assertThat(s.historyText("nurture", "dan")).contains("unenrolled by an action of workflow 'sales'");
        JsonNode counts = s.details("nurture").get("counts");
        assertThat(counts.get("unenrolled").asLong()).isEqualTo(3);
        assertThat(counts.get("unenrolled_by_suppression").asLong()).isEqualTo(1);
        assertThat(counts.get("unenrolled_by_criteria").asLong()).isEqualTo(1);
        assertThat(counts.get("unenrolled_by_workflow_action").asLong()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-WF-9 a workflow turned off enrolls no one and holds its steps; turned on again, they resume")
    void R_WF_9_offHoldsOnResumes() {
        var s = new WorkflowScenario();
        s.save("nurture", NURTURE.formatted(""));
        s.contact("ada", Map.of("lifecyclestage", "lead"));
        assertThat(s.status("nurture", "ada")).isEqualTo("WAITING");

        assertThat(s.api.patch("/workflows/nurture", "{\"enabled\": false}").status()).isEqualTo(200);
        s.contact("bob", Map.of("lifecyclestage", "lead"));
        assertThat(s.status("nurture", "bob")).as("off: no new enrollments").isEqualTo("NOT ENROLLED");
        assertThat(s.api.post("/workflows/nurture/enrollments", "{\"objectType\":\"contact\",\"id\":\"bob\"}").status())
                .isEqualTo(400);
        s.advance(Duration.ofDays(3));
        assertThat(s.sent("nurture", "ada")).as("held while off").isEmpty();
        assertThat(s.status("nurture", "ada")).isEqualTo("WAITING");
        assertThat(s.details("nurture").get("enabled").asBoolean()).isFalse();

        assertThat(s.api.patch("/workflows/nurture", "{\"enabled\": true}").status()).isEqualTo(200);
        s.advance(Duration.ofMinutes(15));
        assertThat(s.sent("nurture", "ada")).hasSize(1);
        assertThat(s.status("nurture", "ada")).isEqualTo("COMPLETED");
    }

    @Test
    @DisplayName("R-WF-10 each enrollment's history: why it enrolled, actions and outcomes, branch taken, waits, "
            + "unenrollment and completion — newest first, paginated")
    void R_WF_10_historyNewestFirstPaginated() {
        var s = new WorkflowScenario();
        s.save("story", """
                {"name": "A story", "objectType": "contact",
                 "trigger": {"criteria": {"groups": [{"conditions": [
                   {"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["lead"]}]}]}},
                 "unenrollment": {"criteria": {"groups": [{"conditions": [
                   {"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["customer"]}]}]}},
                 "firstActionId": "tag",
                 "actions": [
                   {"type": "set_property", "id": "tag", "property": "jobtitle", "value": "Lead", "next": "which"},
                   {"type": "branch", "id": "which", "next": "wait",
                    "paths": [{"name": "has a name", "next": "wait", "criteria": {"groups": [{"conditions": [
                      {"type": "property", "property": "firstname", "operator": "is_known"}]}]}}]},
                   {"type": "delay", "id": "wait", "duration": "P1D", "next": "mail"},
                   {"type": "send_email", "id": "mail", "kind": "transactional", "subject": "Hi", "body": "Hello."}]}""");
        s.contact("ada", Map.of("firstname", "Ada", "lifecyclestage", "lead"));
        s.contact("bob", Map.of("lifecyclestage", "lead"));
        Instant waitEnds = s.dueAt("story", "ada");
        s.stage("bob", "customer");
        s.advance(Duration.ofDays(1));

        List<JsonNode> history = s.api.pages("/enrollments/story~contact~ada/history?limit=3");
        assertThat(history).as("more lines than one page holds").hasSizeGreaterThan(1)
                .allSatisfy(page -> assertThat(page.get("items").size()).isLessThanOrEqualTo(3));
        List<JsonNode> pages = new ArrayList<>();
        history.forEach(page -> page.get("items").forEach(pages::add));
        assertThat(pages).extracting(line -> line.get("index").asLong()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(pages).extracting(line -> line.get("kind").asText()).containsExactly("COMPLETED", "ACTION_EXECUTED",
                "WAIT_ENDED", "WAIT_STARTED", "BRANCH_TAKEN", "ACTION_EXECUTED", "ENROLLED");
        assertThat(pages.get(6).get("detail").asText()).startsWith("met the enrollment criteria on crm.record.created");
        assertThat(pages.get(5).get("actionId").asText()).isEqualTo("tag");
        assertThat(pages.get(4).get("detail").asText()).isEqualTo("branch 'has a name' taken");
        assertThat(pages.get(3).get("detail").asText()).isEqualTo("waiting until " + waitEnds);
        assertThat(pages.get(1).get("detail").asText()).as("the outcome of the send").contains("message id");
        assertThat(s.history("story~contact~ada")).isEqualTo(pages);

        List<JsonNode> bob = s.history("story~contact~bob");
        assertThat(bob.get(0).get("kind").asText()).isEqualTo("UNENROLLED");
        assertThat(bob.get(0).get("detail").asText()).contains("unenrollment criteria");
    }
}
