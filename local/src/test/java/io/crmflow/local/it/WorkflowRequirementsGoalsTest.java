package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-WF-11..15 through the API and the real handlers: goals of contact workflows. */
class WorkflowRequirementsGoalsTest {
    private static final String CUSTOMER = """
            {"groups": [{"conditions": [
              {"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["customer"]}]}]}""";

    /** Leads get an email, wait two days, get another; {@code goal} and {@code kind} vary. */
    private static String nurture(String goal, String kind) {
        return """
                {"name": "Nurture", "objectType": "contact",
                 "trigger": {"criteria": {"groups": [{"conditions": [
                   {"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["lead"]}]}]}},
                 "unenrollment": {"suppressionLists": ["dnc"]},
                 %s
                 "firstActionId": "mail",
                 "actions": [
                   {"type": "send_email", "id": "mail", "kind": "%s", "subject": "Hi", "body": "Hello.", "next": "wait"},
                   {"type": "delay", "id": "wait", "duration": "P2D", "next": "again"},
                   {"type": "send_email", "id": "again", "kind": "%s", "subject": "Still there?", "body": "Hello again."}]}"""
                .formatted(goal == null ? "" : "\"goal\": {\"criteria\": " + goal + "},", kind, kind);
    }

    private static WorkflowScenario scenario() {
        var s = new WorkflowScenario();
        s.staticList("dnc");
        return s;
    }

    private static void lead(WorkflowScenario s, String id) {
        s.contact(id, Map.of("lifecyclestage", "lead", "hs_marketable_status", "true"));
    }

    private static JsonNode goal(WorkflowScenario s) {
        return s.details("nurture").get("goal");
    }

    @Test
    @DisplayName("R-WF-11 goal criteria are checked when a record would enter (met: not enrolled, not counted) "
            + "and before every next action (met during a wait: unenrolled before it runs)")
    void R_WF_11_goalCheckedAtEnrollmentAndBeforeEachAction() {
        var s = scenario();
        s.save("nurture", nurture("""
                {"groups": [
                  {"conditions": [{"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["customer"]}]},
                  {"conditions": [{"type": "property", "property": "jobtitle", "operator": "eq", "values": ["CTO"]}]}]}""",
                "marketing"));
        s.contact("ada", Map.of("lifecyclestage", "lead", "jobtitle", "CTO", "hs_marketable_status", "true"));
        assertThat(s.status("nurture", "ada")).isEqualTo("NOT ENROLLED");
        assertThat(s.sent("nurture", "ada")).isEmpty();
        assertThat(s.details("nurture").at("/counts/enrolled").asLong()).isZero();
        assertThat(goal(s).get("metGoal").asLong()).as("not counted").isZero();

        lead(s, "bob");
        lead(s, "cy");
        assertThat(s.sent("nurture", "bob")).hasSize(1);
        s.stage("bob", "customer");
        assertThat(s.status("nurture", "bob")).as("at once, during the wait").isEqualTo("UNENROLLED");
        assertThat(s.history("nurture~contact~bob").get(0).get("detail").asText()).isEqualTo("met the workflow's goal");

        s.advance(Duration.ofDays(3));
        assertThat(s.sent("nurture", "bob")).as("the next action never ran").hasSize(1);
        assertThat(s.sent("nurture", "cy")).hasSize(2);
        assertThat(s.status("nurture", "cy")).isEqualTo("COMPLETED");
    }

    @Test
    @DisplayName("R-WF-12 conversion rate = met the goal after a marketing email from the workflow / got one; "
            + "no marketing email, no rate, and it says so")
    void R_WF_12_conversionRate() {
        var s = scenario();
        s.save("nurture", nurture(CUSTOMER, "marketing"));
        lead(s, "ada");
        lead(s, "bob");
        lead(s, "cy");
        s.contact("dan", Map.of("lifecyclestage", "lead")); // not a marketing contact: gets no email
        s.stage("ada", "customer");
        s.stage("dan", "customer");

        JsonNode goal = goal(s);
        assertThat(goal.get("metGoal").asLong()).isEqualTo(2);
        assertThat(goal.get("marketingEmailed").asLong()).isEqualTo(3);
        assertThat(goal.get("metGoalAfterMarketingEmail").asLong()).isEqualTo(1);
        assertThat(goal.get("conversionRate").asDouble()).isCloseTo(1.0 / 3, within(1e-9));

        var t = scenario();
        t.save("nurture", nurture(CUSTOMER, "transactional"));
        lead(t, "ada");
        t.stage("ada", "customer");
        JsonNode none = goal(t);
        assertThat(none.get("metGoal").asLong()).isEqualTo(1);
        assertThat(none.path("conversionRate").isNumber()).as("no rate rather than 0%").isFalse();
        assertThat(none.get("conversionRateNote").asText())
                .isEqualTo("this workflow sends no marketing email, so there is no conversion rate");
    }

    @Test
    @DisplayName("R-WF-13 a met goal counts forever, through edits and deletion; deleting every goal criterion "
            + "resets the count and the rate, editing them does not")
    void R_WF_13_metGoalRememberedForever_onlyRemovingAllCriteriaResets() {
        var s = scenario();
        s.save("nurture", nurture(CUSTOMER, "marketing"));
        s.save("check", """
                {"name": "Converted?", "objectType": "contact", "firstActionId": "which",
                 "actions": [
                   {"type": "branch", "id": "which", "next": "no",
                    "paths": [{"name": "met the goal", "next": "yes", "criteria": {"groups": [{"conditions": [
                      {"type": "workflow", "workflowId": "nurture", "state": "met_goal"}]}]}}]},
                   {"type": "set_property", "id": "yes", "property": "jobtitle", "value": "Converted"},
                   {"type": "set_property", "id": "no", "property": "jobtitle", "value": "Not converted"}]}""");
        lead(s, "ada");
        s.stage("ada", "customer");
        assertThat(goal(s).get("metGoal").asLong()).isEqualTo(1);

        s.save("nurture", nurture("""
                {"groups": [{"conditions": [
                  {"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["evangelist"]}]}]}""",
                "marketing"));
        s.stage("ada", "evangelist"); // meets the edited goal too: still one record that met it
        assertThat(goal(s).get("metGoal").asLong()).as("editing the criteria keeps the count").isEqualTo(1);
        assertThat(goal(s).get("conversionRate").asDouble()).isEqualTo(1.0);

        s.save("nurture", nurture(null, "marketing"));
        assertThat(goal(s).get("hasGoal").asBoolean()).isFalse();
        s.save("nurture", nurture(CUSTOMER, "marketing"));
        JsonNode reset = goal(s);
        assertThat(reset.get("metGoal").asLong()).as("deleting every criterion resets the count").isZero();
        assertThat(reset.get("marketingEmailed").asLong()).isZero();
        assertThat(reset.path("conversionRate").isNumber()).isFalse();

        s.enroll("check", "ada");
        assertThat(s.property("contact", "ada", "jobtitle")).as("she still has met the goal").isEqualTo("Converted");
        lead(s, "bob");
        s.enroll("check", "bob");
        assertThat(s.property("contact", "bob", "jobtitle")).isEqualTo("Not converted");
    }

    @Test
    @DisplayName("R-WF-14 'has met / has not met goal of workflow X' as a filter, 'goal met in workflow X' as a trigger")
    void R_WF_14_goalAsFilterAndAsTrigger() {
        var s = scenario();
        s.save("nurture", nurture(CUSTOMER, "marketing"));
        s.save("thank-you", """
                {"name": "Thank you", "objectType": "contact",
                 "trigger": {"events": [{"type": "goal_met", "workflowId": "nurture"}]}, "actions": []}""");
        s.save("not-converted", """
                {"name": "Not converted", "objectType": "contact",
                 "trigger": {"criteria": {"groups": [{"conditions": [
                   {"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["other"]},
                   {"type": "workflow", "workflowId": "nurture", "state": "not_met_goal"}]}]}}, "actions": []}""");
        s.save("converted", """
                {"name": "Converted", "objectType": "contact",
                 "trigger": {"criteria": {"groups": [{"conditions": [
                   {"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["other"]},
                   {"type": "workflow", "workflowId": "nurture", "state": "met_goal"}]}]}}, "actions": []}""");
        lead(s, "ada");
        lead(s, "bob");
        s.stage("ada", "customer");
        assertThat(s.status("thank-you", "ada")).isEqualTo("COMPLETED");
        assertThat(s.historyText("thank-you", "ada")).contains("the trigger event happened");
        s.stage("ada", "other");
        s.stage("bob", "other");

        assertThat(s.status("thank-you", "bob")).isEqualTo("NOT ENROLLED");
        assertThat(s.status("converted", "ada")).isEqualTo("COMPLETED");
        assertThat(s.status("converted", "bob")).isEqualTo("NOT ENROLLED");
        assertThat(s.status("not-converted", "ada")).isEqualTo("NOT ENROLLED");
        assertThat(s.status("not-converted", "bob")).isEqualTo("COMPLETED");
    }

    @Test
    @DisplayName("R-WF-15 suppression lists and goals both unenroll; the details say who left by goal and who by suppression")
    void R_WF_15_detailsTellGoalAndSuppressionApart() {
        var s = scenario();
        s.save("nurture", nurture(CUSTOMER, "marketing"));
        lead(s, "ada");
        lead(s, "bob");
        lead(s, "cy");
        lead(s, "dan");
        s.stage("ada", "customer");
        s.join("dnc", "bob");
        s.join("dnc", "cy");
        s.advance(Duration.ofDays(3));

        assertThat(s.status("nurture", "ada")).isEqualTo("UNENROLLED");
        assertThat(s.status("nurture", "bob")).isEqualTo("UNENROLLED");
        assertThat(s.sent("nurture", "dan")).hasSize(2);
        JsonNode details = s.details("nurture");
        assertThat(details.get("workflowId").asText()).isEqualTo("nurture");
        JsonNode counts = details.get("counts");
        assertThat(counts.get("enrolled").asLong()).isEqualTo(4);
        assertThat(counts.get("active").asLong()).isZero();
        assertThat(counts.get("completed").asLong()).isEqualTo(1);
        assertThat(counts.get("unenrolled").asLong()).isEqualTo(3);
        assertThat(counts.get("unenrolled_by_goal").asLong()).isEqualTo(1);
        assertThat(counts.get("unenrolled_by_suppression").asLong()).isEqualTo(2);
        assertThat(details.at("/goal/conversionRate").asDouble()).isEqualTo(0.25);
    }
}
