package io.crmflow.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.crmflow.engine.JourneyMetrics;
import io.crmflow.engine.JourneyMetrics.EndFigures;
import io.crmflow.engine.JourneyMetrics.StageFigures;
import io.crmflow.journey.JourneyExamples;
import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("crmflow simulate: the documented journey over a handful of contacts")
class SimulatorJourneyTest {
    static final String SETUP = """
            {"timezone": "Europe/Paris",
             "lists": [
               {"id": "newsletter", "name": "Newsletter", "objectType": "contact", "kind": "static"},
               {"id": "customers", "name": "Customers", "objectType": "contact", "kind": "static"},
               {"id": "unsubscribed", "name": "Unsubscribed", "objectType": "contact", "kind": "static"}],
             "users": [{"id": "ana", "email": "ana@example.com", "name": "Ana"}]}""";

    static final String EVENTS = """
            {"at": "2026-03-02T09:00:00Z", "kind": "create", "objectType": "contact", "id": "c-1", "properties": {"email": "c1@example.com", "firstname": "Ada", "phone": "+33600000001", "lifecyclestage": "subscriber", "hs_marketable_status": "true"}}
            {"at": "2026-03-02T09:00:00Z", "kind": "join", "listId": "newsletter", "record": {"objectType": "contact", "id": "c-1"}}
            {"at": "2026-03-02T10:00:00Z", "kind": "create", "objectType": "contact", "id": "c-2", "properties": {"email": "c2@example.com", "firstname": "Bob"}}
            {"at": "2026-03-02T10:00:00Z", "kind": "join", "listId": "newsletter", "record": {"objectType": "contact", "id": "c-2"}}
            {"at": "2026-03-02T11:00:00Z", "kind": "create", "objectType": "contact", "id": "c-3", "properties": {"email": "c3@example.com", "firstname": "Cy", "lifecyclestage": "lead"}}
            {"at": "2026-03-02T11:00:00Z", "kind": "join", "listId": "newsletter", "record": {"objectType": "contact", "id": "c-3"}}
            {"at": "2026-03-02T12:00:00Z", "kind": "create", "objectType": "contact", "id": "c-4", "properties": {"email": "c4@example.com", "lifecyclestage": "subscriber"}}
            {"at": "2026-03-02T12:00:00Z", "kind": "join", "listId": "newsletter", "record": {"objectType": "contact", "id": "c-4"}}
            {"at": "2026-03-02T13:00:00Z", "kind": "create", "objectType": "contact", "id": "c-5", "properties": {"email": "c5@example.com", "lifecyclestage": "subscriber"}}
            {"at": "2026-03-03T10:00:00Z", "kind": "update", "objectType": "contact", "id": "c-2", "properties": {"lifecyclestage": "other"}}
            {"at": "2026-03-03T12:00:00Z", "kind": "join", "listId": "unsubscribed", "record": {"objectType": "contact", "id": "c-4"}}
            {"at": "2026-03-05T09:00:00Z", "kind": "update", "objectType": "contact", "id": "c-1", "properties": {"lifecyclestage": "lead"}}
            {"at": "2026-03-06T09:00:00Z", "kind": "activity", "record": {"objectType": "contact", "id": "c-1"}, "activity": {"type": "form_submitted", "actor": {"kind": "RECORD", "id": "c-1"}, "attributes": {"form": "demo"}}}
            """;

    static List<InputEvent> events(String lines) {
        return Simulator.readEvents(SimulationSetup.read(SETUP), new BufferedReader(new StringReader(lines)));
    }

    static Subject.Journey nurture() {
        return Subject.journey(JourneyExamples.NURTURE.replaceFirst("^\\{", "{\"id\": \"nurture\", "));
    }

    private final SimulationReport report = Simulator.run(SimulationSetup.read(SETUP), nurture(), events(EVENTS),
            Simulator.Options.DEFAULTS);

    @Test
    @DisplayName("R-JRN-13's figures: each end's count, each stage's entries and every path out of it")
    void run_givesTheJourneysFigures_endsStagesAndPaths() {
        JourneyMetrics m = report.journey();
        assertThat(m.journeyId()).isEqualTo("nurture");
        assertThat(m.enrolled()).isEqualTo(4);
        assertThat(m.active()).isZero();
        assertThat(m.unenrolled()).isEqualTo(2);
        assertThat(m.eligible()).as("c-1..c-4 joined the newsletter").isEqualTo(4);
        assertThat(m.ends()).extracting(EndFigures::endId, EndFigures::reached)
                .containsExactly(tuple("customer", 2L), tuple("lost", 0L));
        assertThat(m.stages()).extracting(StageFigures::stageId, StageFigures::entered)
                .containsExactly(tuple("subscribed", 3L), tuple("lead", 2L), tuple("qualified", 2L),
                        tuple("opportunity", 0L));
        assertThat(paths(m, "subscribed")).containsExactly("stage:lead=1", "left=2");
        assertThat(paths(m, "lead")).containsExactly("stage:qualified=2");
        assertThat(paths(m, "qualified")).containsExactly("end:customer=2");
        assertThat(m.performance().successful()).isEqualTo(2);
    }

    @Test
    void run_saysWhoEnrolled_theirStageActionsInOrder_andWhyTwoLeft() {
        assertThat(report.enrolled()).extracting(e -> e.record().id() + " " + e.status() + ": " + String.join(" → ", e.path()))
                .containsExactly("c-1 COMPLETED: welcome → pause → form → qualify → call → tell → done",
                        "c-2 UNENROLLED: welcome → pause",
                        "c-3 COMPLETED: form → qualify → call → tell → done",
                        "c-4 UNENROLLED: welcome → pause");
        assertThat(report.unenrolled()).extracting(u -> u.record().id(), SimulationReport.Unenrolled::at)
                .containsExactly(tuple("c-2", Instant.parse("2026-03-03T10:00:00Z")),
                        tuple("c-4", Instant.parse("2026-03-03T12:00:00Z")));
        assertThat(report.unenrolled().get(1).why()).contains("unsubscribed");
        assertThat(report.counts()).containsEntry("unenrolled_by_suppression", 1L);
        assertThat(report.goal()).as("a journey's goal is its goal ends").isNull();
        assertThat(report.goalMet()).isEmpty();
    }

    @Test
    void run_countsEachStageActionReached() {
        assertThat(report.actions()).extracting(a -> a.actionId() + "=" + a.reached())
                .containsExactly("welcome=3", "pause=3", "form=2", "qualify=2", "call=2", "tell=2", "done=2",
                        "settle=0", "again=0");
    }

    @Test
    @DisplayName("R-JRN-5: the email, SMS and WhatsApp message each go once, at the step's time, with who sent them")
    void run_listsTheEmailsAndTextsThatWouldGoOut() {
        assertThat(report.emails()).extracting(e -> e.at() + " " + e.record().id() + " " + e.actionId() + " " + e.subject())
                .containsExactly("2026-03-02T09:00:00Z c-1 welcome Welcome, Ada",
                        "2026-03-06T09:00:00Z c-1 tell Ada is qualified",
                        "2026-03-09T11:00:00Z c-3 tell Cy is qualified");
        assertThat(report.texts()).extracting(t -> t.channel() + " " + t.to() + " " + t.actionId() + " " + t.body())
                .containsExactly("sms +33600000001 welcome Welcome aboard!", "whatsapp +33600000001 welcome Hi Ada!");
        assertThat(report.refused()).isEmpty();
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void run_writesTheJourneysFiguresInTheText() {
        assertThat(ReportText.of(report, 10)).contains("Journey 'Nurture subscribers' (nurture)",
                "end customer                 2 (50.0%)", "→ left                         2 (66.7%)")
                .doesNotContain("Goal met");
    }

    private static List<String> paths(JourneyMetrics m, String stageId) {
        return m.stages().stream().filter(s -> s.stageId().equals(stageId)).findFirst().orElseThrow().paths().stream()
                .map(p -> p.to() + "=" + p.count()).toList();
    }
}
