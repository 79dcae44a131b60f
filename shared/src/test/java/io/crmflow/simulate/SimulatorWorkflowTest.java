package io.crmflow.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.json.Json;
import io.crmflow.model.RecordRef;
import io.crmflow.simulate.SimulationReport.ActionFigures;
import io.crmflow.simulate.SimulationReport.BranchFigures;
import io.crmflow.simulate.SimulationReport.Email;
import io.crmflow.simulate.SimulationReport.Enrolled;
import io.crmflow.simulate.SimulationReport.GoalMet;
import io.crmflow.simulate.SimulationReport.Outcome;
import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("crmflow simulate: a workflow with a branch, a delay, two emails and a goal over a handful of contacts")
class SimulatorWorkflowTest {
    static final String ONBOARDING = """
            {"id": "onboarding", "name": "Onboarding", "objectType": "contact",
             "trigger": {"criteria": {"groups": [{"conditions": [
               {"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["customer"]}]}]}},
             "goal": {"criteria": {"groups": [{"conditions": [
               {"type": "property", "property": "jobtitle", "operator": "eq", "values": ["Champion"]}]}]}},
             "firstActionId": "route",
             "actions": [
               {"type": "branch", "id": "route", "next": "thanks",
                "paths": [{"name": "marketable", "next": "wait", "criteria": {"groups": [{"conditions": [
                  {"type": "property", "property": "hs_marketable_status", "operator": "eq", "values": ["true"]}]}]}}]},
               {"type": "delay", "id": "wait", "duration": "P2D", "next": "offer"},
               {"type": "send_email", "id": "offer", "kind": "marketing", "subject": "An offer for {{firstname|you}}",
                "body": "Ten percent off."},
               {"type": "send_email", "id": "thanks", "kind": "transactional", "subject": "Thanks, {{firstname}}",
                "body": "Glad to have you."}]}""";

    /** Ada becomes a customer and waits for her offer; Bob, not marketable, is thanked; Cy meets the goal while waiting; Di never qualifies. */
    static final String EVENTS = """
            {"at": "2026-03-02T09:00:00Z", "kind": "create", "objectType": "contact", "id": "c-1", "properties": {"email": "ada@example.com", "firstname": "Ada", "lifecyclestage": "lead", "hs_marketable_status": "true"}}
            {"at": "2026-03-02T10:00:00Z", "kind": "update", "objectType": "contact", "id": "c-1", "properties": {"lifecyclestage": "customer"}}
            {"at": "2026-03-02T11:00:00Z", "kind": "create", "objectType": "contact", "id": "c-2", "properties": {"email": "bob@example.com", "firstname": "Bob", "lifecyclestage": "customer"}}

            {"at": "2026-03-02T12:00:00Z", "kind": "create", "objectType": "contact", "id": "c-3", "properties": {"email": "cy@example.com", "firstname": "Cy", "lifecyclestage": "customer", "hs_marketable_status": "true"}}
            {"at": "2026-03-02T12:30:00Z", "kind": "create", "objectType": "contact", "id": "c-4", "properties": {"email": "di@example.com", "lifecyclestage": "lead"}}
            {"at": "2026-03-03T12:00:00Z", "kind": "update", "objectType": "contact", "id": "c-3", "properties": {"jobtitle": "Champion"}}
            """;

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    static List<InputEvent> events(String lines) {
        return Simulator.readEvents(SimulationSetup.NONE, new BufferedReader(new StringReader(lines)));
    }

    static RecordRef contact(String id) {
        return new RecordRef("contact", id);
    }

    private final SimulationReport report = Simulator.run(SimulationSetup.NONE, Subject.workflow(ONBOARDING),
            events(EVENTS), new Simulator.Options(Duration.ofDays(30), Set.of("c-3")));

    @Test
    void run_countsEnrollmentsAndHowTheyEnded_asTheMetricsRouteWould() {
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("enrolled", 3L);
        expected.put("completed", 2L);
        expected.put("unenrolled", 1L);
        expected.put("failed", 0L);
        expected.put("active", 0L);
        expected.put("unenrolled_by_suppression", 0L);
        expected.put("unenrolled_by_criteria", 0L);
        expected.put("unenrolled_by_goal", 1L);
        expected.put("unenrolled_by_workflow_action", 0L);
        assertThat(report.counts()).isEqualTo(expected);
        assertThat(report.tested()).isEqualTo(new SimulationReport.Tested("workflow", "onboarding", "Onboarding"));
        assertThat(report.events()).isEqualTo(6);
        assertThat(report.from()).isEqualTo(T0);
        assertThat(report.until()).isEqualTo(Instant.parse("2026-04-02T12:00:00Z"));
    }

    @Test
    void run_saysWhoEnrolledAndTheWayEachTook() {
        assertThat(report.enrolled()).containsExactly(
                new Enrolled(contact("c-1"), Instant.parse("2026-03-02T10:00:00Z"), "COMPLETED",
                        List.of("route→marketable", "wait", "offer")),
                new Enrolled(contact("c-2"), Instant.parse("2026-03-02T11:00:00Z"), "COMPLETED",
                        List.of("route→(none matched)", "thanks")),
                new Enrolled(contact("c-3"), Instant.parse("2026-03-02T12:00:00Z"), "UNENROLLED",
                        List.of("route→marketable", "wait")));
    }

    @Test
    void run_countsEachActionReachedAndEachBranchTaken() {
        assertThat(report.actions()).containsExactly(new ActionFigures("route", "branch", 3),
                new ActionFigures("wait", "delay", 2), new ActionFigures("offer", "send_email", 1),
                new ActionFigures("thanks", "send_email", 1));
        assertThat(report.branches()).containsExactly(new BranchFigures("route",
                List.of(new Outcome("marketable", 2), new Outcome("(none matched)", 1))));
    }

    @Test
    void run_listsTheEmailsThatWouldGoOut_eachWhenItsStepRuns_noneSent() {
        assertThat(report.emails()).containsExactly(
                new Email(Instant.parse("2026-03-02T11:00:00Z"), List.of("bob@example.com"), "Thanks, Bob",
                        contact("c-2"), "thanks"),
                new Email(Instant.parse("2026-03-04T10:00:00Z"), List.of("ada@example.com"), "An offer for Ada",
                        contact("c-1"), "offer"));
        assertThat(report.webhooks()).isEmpty();
        assertThat(report.texts()).isEmpty();
    }

    @Test
    void run_saysWhoMetTheGoalAndWhoLeft() {
        assertThat(report.goalMet()).containsExactly(new GoalMet(contact("c-3"), Instant.parse("2026-03-03T12:00:00Z")));
        assertThat(report.unenrolled()).singleElement().satisfies(u -> {
            assertThat(u.record()).isEqualTo(contact("c-3"));
            assertThat(u.at()).isEqualTo(Instant.parse("2026-03-03T12:00:00Z"));
            assertThat(u.why()).contains("goal");
        });
        assertThat(report.goal()).containsEntry("metGoal", 1L).containsEntry("marketingEmailed", 1L)
                .containsEntry("metGoalAfterMarketingEmail", 0L).containsEntry("conversionRate", 0.0);
        assertThat(report.refused()).isEmpty();
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void run_givesTheTimelineOfTheRecordsAskedFor_only() {
        assertThat(report.timelines()).singleElement().satisfies(t -> {
            assertThat(t.record()).isEqualTo(contact("c-3"));
            assertThat(t.lines()).extracting(SimulationReport.Line::kind)
                    .containsExactly("ENROLLED", "BRANCH_TAKEN", "WAIT_STARTED", "UNENROLLED");
        });
    }

    @Test
    void run_writesTheReportAsJsonAndAsText() {
        var json = Json.tree(Json.write(report));
        assertThat(json.at("/counts/enrolled").asLong()).isEqualTo(3);
        assertThat(json.at("/emails/1/record/id").asText()).isEqualTo("c-1");
        assertThat(json.at("/branches/0/outcomes/0/outcome").asText()).isEqualTo("marketable");

        String text = ReportText.of(report, 10);
        assertThat(text).contains("Workflow 'Onboarding' (onboarding) over 6 events",
                "2026-03-04T10:00:00Z  contact/c-1  offer  \"An offer for Ada\" to ada@example.com",
                "contact/c-2  2026-03-02T11:00:00Z  COMPLETED  route→(none matched) → thanks", "Goal met (1)");
    }

    @Test
    void run_listsTheWebhooksThatWouldBePosted_withTheirStep_postingNone() {
        String hooked = ONBOARDING.replace("\"body\": \"Glad to have you.\"}",
                "\"body\": \"Glad to have you.\", \"next\": \"notify-crm\"},\n"
                        + "{\"type\": \"webhook\", \"id\": \"notify-crm\", \"url\": \"https://hooks.example.com/crm\"}");
        SimulationReport withHook = Simulator.run(SimulationSetup.NONE, Subject.workflow(hooked), events(EVENTS),
                Simulator.Options.DEFAULTS);

        assertThat(withHook.webhooks()).containsExactly(new SimulationReport.Webhook(
                Instant.parse("2026-03-02T11:00:00Z"), "https://hooks.example.com/crm", contact("c-2"), "notify-crm"));
        assertThat(withHook.enrolled().get(1).path()).containsExactly("route→(none matched)", "thanks", "notify-crm");
        assertThat(withHook.counts()).containsEntry("completed", 2L).containsEntry("failed", 0L);
    }

    @Test
    void run_twiceOverTheSameInput_givesTheSameReport() {
        var again = Simulator.run(SimulationSetup.NONE, Subject.workflow(ONBOARDING), events(EVENTS),
                new Simulator.Options(Duration.ofDays(30), Set.of("c-3")));
        assertThat(again).isEqualTo(report);
    }
}
