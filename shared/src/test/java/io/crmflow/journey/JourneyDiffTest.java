package io.crmflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.journey.JourneyChange.Kind;
import io.crmflow.json.Json;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-JRN-12: what a version changed against the one before, matched by id. */
class JourneyDiffTest {
    private static final JourneyDefinition NURTURE = JourneyExamples.nurture();

    private static JourneyDefinition edited(String from, String to) {
        assertThat(JourneyExamples.NURTURE).contains(from);
        return Json.read(JourneyExamples.NURTURE.replace(from, to), JourneyDefinition.class);
    }

    @Test
    void theFirstVersion_addsEveryStageAndEnd_andSetsTheSettings() {
        List<JourneyChange> changes = JourneyDiff.between(null, NURTURE);
        assertThat(changes).extracting(JourneyChange::kind).containsExactly(Kind.NAME_CHANGED, Kind.PROPERTY_CHANGED,
                Kind.ELIGIBILITY_LISTS_CHANGED, Kind.ENROLL_EMPTY_CHANGED, Kind.UNENROLLMENT_CHANGED,
                Kind.STAGE_ADDED, Kind.STAGE_ADDED, Kind.STAGE_ADDED, Kind.STAGE_ADDED, Kind.END_ADDED, Kind.END_ADDED);
        assertThat(JourneyDiff.between(NURTURE, NURTURE)).isEmpty();
    }

    @Test
    @DisplayName("R-JRN-12 stages renamed, remapped and moved; actions added, removed, changed and reordered")
    void stagesAndActions() {
        JourneyDefinition after = edited("\"name\": \"Lead\", \"value\": \"lead\"",
                "\"name\": \"Warm\", \"value\": \"salesqualifiedlead\"");
        List<JourneyChange> changes = JourneyDiff.between(NURTURE, after);
        assertThat(changes).containsExactly(
                JourneyChange.ofStage(Kind.STAGE_RENAMED, "lead", "Lead", "Warm"),
                JourneyChange.ofStage(Kind.STAGE_REMAPPED, "lead", "lead", "salesqualifiedlead"));

        Stage subscribed = NURTURE.stages().get(0);
        Stage lead = NURTURE.stages().get(1);
        Stage qualified = NURTURE.stages().get(2);
        Stage opportunity = NURTURE.stages().get(3);
        var reworked = new Stage(lead.id(), lead.name(), lead.value(), List.of(
                new StageAction.SetProperty("qualify", "lifecyclestage", "salesqualifiedlead"),
                new StageAction.Wait("breathe", java.time.Duration.ofDays(1))));
        JourneyDefinition moved = JourneyExamples.withStages(NURTURE, List.of(reworked, subscribed, qualified, opportunity));
        assertThat(JourneyDiff.between(NURTURE, moved)).containsExactly(
                JourneyChange.ofStage(Kind.STAGE_MOVED, "lead", "2", "1"),
                JourneyChange.ofAction(Kind.ACTION_CHANGED, "lead", "qualify"),
                JourneyChange.ofAction(Kind.ACTION_ADDED, "lead", "breathe"),
                JourneyChange.ofAction(Kind.ACTION_REMOVED, "lead", "form"),
                JourneyChange.ofStage(Kind.STAGE_MOVED, "subscribed", "1", "2"));

        var reordered = new Stage(qualified.id(), qualified.name(), qualified.value(),
                List.of(qualified.actions().get(1), qualified.actions().get(0), qualified.actions().get(2)));
        assertThat(JourneyDiff.between(NURTURE, JourneyExamples.withStages(NURTURE, List.of(subscribed, lead, reordered, opportunity))))
                .containsExactly(JourneyChange.ofStage(Kind.ACTIONS_REORDERED, "qualified", null, null));
        assertThat(JourneyDiff.between(NURTURE, JourneyExamples.withStages(NURTURE, List.of(subscribed, qualified, opportunity))))
                .containsExactly(JourneyChange.ofStage(Kind.STAGE_REMOVED, "lead", "Lead", null));
    }

    @Test
    @DisplayName("R-JRN-12 ends and enrollment settings")
    void endsAndSettings() {
        assertThat(JourneyDiff.between(NURTURE, edited("\"addToList\": \"customers\"", "\"addToList\": null")))
                .containsExactly(JourneyChange.ofEnd(Kind.END_CHANGED, "customer"));
        assertThat(JourneyDiff.between(NURTURE, edited("\"enrollEmpty\": true", "\"enrollEmpty\": false")))
                .containsExactly(JourneyChange.setting(Kind.ENROLL_EMPTY_CHANGED, "true", "false"));
        assertThat(JourneyDiff.between(NURTURE, JourneyExamples.withLists(NURTURE, List.of("webinar", "newsletter"))))
                .containsExactly(JourneyChange.setting(Kind.ELIGIBILITY_LISTS_CHANGED, "newsletter", "webinar,newsletter"));
        assertThat(JourneyDiff.between(JourneyExamples.withLists(NURTURE, List.of("webinar", "newsletter")),
                JourneyExamples.withLists(NURTURE, List.of("newsletter", "webinar")))).as("a set").isEmpty();
        assertThat(JourneyDiff.between(NURTURE, edited("\"whenEndMatchedEarly\": true", "\"whenEndMatchedEarly\": false")))
                .extracting(JourneyChange::kind).containsExactly(Kind.UNENROLLMENT_CHANGED);
    }
}
