package io.crmflow.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.model.RecordRef;
import io.crmflow.simulate.SimulationDiff.FigureChange;
import io.crmflow.simulate.SimulationDiff.PathChange;
import io.crmflow.simulate.SimulationReport.Email;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("crmflow simulate with the live version too: what the draft would change")
class SimulatorDiffTest {
    private static final Subject LIVE = Subject.workflow(SimulatorWorkflowTest.ONBOARDING);
    /** The draft waits twelve hours instead of two days: Cy gets the offer before meeting the goal. */
    private static final Subject DRAFT = Subject.workflow(SimulatorWorkflowTest.ONBOARDING
            .replace("\"duration\": \"P2D\"", "\"duration\": \"PT12H\""));

    private final List<InputEvent> events = SimulatorWorkflowTest.events(SimulatorWorkflowTest.EVENTS);

    @Test
    void compare_listsEveryFigureThatChanged_withBothValues() {
        SimulationDiff diff = Simulator.compare(SimulationSetup.NONE, LIVE, DRAFT, events, Simulator.Options.DEFAULTS);

        assertThat(diff.figures()).containsExactly(
                new FigureChange("counts/completed", 2, 3),
                new FigureChange("counts/unenrolled", 1, 0),
                new FigureChange("counts/unenrolled_by_goal", 1, 0),
                new FigureChange("goal/marketingEmailed", 1, 2),
                new FigureChange("goal/metGoalAfterMarketingEmail", 0, 1),
                new FigureChange("action/offer/reached", 1, 2),
                new FigureChange("sent/emails", 2, 3));
    }

    @Test
    void compare_namesTheRecordsWhoseWayChanged_only() {
        SimulationDiff diff = Simulator.compare(SimulationSetup.NONE, LIVE, DRAFT, events, Simulator.Options.DEFAULTS);

        assertThat(diff.paths()).containsExactly(new PathChange(new RecordRef("contact", "c-3"),
                List.of("UNENROLLED: route→marketable → wait"),
                List.of("COMPLETED: route→marketable → wait → offer")));
    }

    @Test
    void compare_saysWhichEmailsAppearAndWhichDisappear_anEarlierSendBeingBoth() {
        SimulationDiff diff = Simulator.compare(SimulationSetup.NONE, LIVE, DRAFT, events, Simulator.Options.DEFAULTS);

        RecordRef ada = new RecordRef("contact", "c-1");
        RecordRef cy = new RecordRef("contact", "c-3");
        assertThat(diff.emails().added()).containsExactly(
                new Email(Instant.parse("2026-03-02T22:00:00Z"), List.of("ada@example.com"), "An offer for Ada", ada, "offer"),
                new Email(Instant.parse("2026-03-03T00:00:00Z"), List.of("cy@example.com"), "An offer for Cy", cy, "offer"));
        assertThat(diff.emails().removed()).containsExactly(
                new Email(Instant.parse("2026-03-04T10:00:00Z"), List.of("ada@example.com"), "An offer for Ada", ada, "offer"));
        assertThat(diff.webhooks().added()).isEmpty();
        assertThat(diff.texts().removed()).isEmpty();
        assertThat(ReportText.of(diff, 10)).contains("counts/completed", "2 → 3", "contact/c-3",
                "before: UNENROLLED: route→marketable → wait", "Emails only before (1)");
    }

    @Test
    void compare_ofAVersionWithItself_findsNoDifference() {
        SimulationDiff diff = Simulator.compare(SimulationSetup.NONE, LIVE, LIVE, events, Simulator.Options.DEFAULTS);

        assertThat(diff.isEmpty()).isTrue();
        assertThat(ReportText.of(diff, 10)).contains("No difference");
    }

    @Test
    void compare_ofTwoJourneyVersions_showsTheEndCountsThatMove() {
        var setup = SimulationSetup.read(SimulatorJourneyTest.SETUP);
        var journeyEvents = SimulatorJourneyTest.events(SimulatorJourneyTest.EVENTS);
        Subject live = SimulatorJourneyTest.nurture();
        // The draft gives a lead only a day to fill in the form: Cy still times out, and qualifies sooner.
        Subject draft = Subject.journey(io.crmflow.journey.JourneyExamples.NURTURE
                .replaceFirst("^\\{", "{\"id\": \"nurture\", ").replace("\"timeout\": \"P7D\"", "\"timeout\": \"P1D\""));

        SimulationDiff diff = Simulator.compare(setup, live, draft, journeyEvents, Simulator.Options.DEFAULTS);

        assertThat(diff.figures()).as("the same contacts take the same paths").isEmpty();
        assertThat(diff.emails().removed()).extracting(e -> e.record().id() + " " + e.at())
                .containsExactly("c-3 2026-03-09T11:00:00Z");
        assertThat(diff.emails().added()).extracting(e -> e.record().id() + " " + e.at())
                .containsExactly("c-3 2026-03-03T11:00:00Z");
    }
}
