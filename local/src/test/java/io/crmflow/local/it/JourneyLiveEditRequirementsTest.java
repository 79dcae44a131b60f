package io.crmflow.local.it;

import static io.crmflow.local.it.LiveJourney.assertThatStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-JRN-11 and R-JRN-12 through the API, trigger, step and timer handlers on the local stack: a
 * journey is published again while contacts are inside it — with a stage deleted, one action
 * deleted, two consecutive actions deleted, or an earlier version restored — and each contact
 * goes where seed 003 says. A contact waiting in a wait has the action after it as its place
 * (its cursor), so "the contacts at an action" are those waiting to run it.
 */
class JourneyLiveEditRequirementsTest {
    /** Opportunities wait two weeks, then a task, a note to Ana and a job title: a wait and three actions in a row. */
    private static final String[] OPPORTUNITY_FLOW = {
            "{\"type\": \"wait\", \"id\": \"settle\", \"duration\": \"P14D\"}",
            "{\"type\": \"create_task\", \"id\": \"follow\", \"subject\": \"Follow up {{firstname}}\", \"dueIn\": \"P1D\"}",
            "{\"type\": \"send_notification\", \"id\": \"nudge\", \"recipients\": {\"users\": [\"ana\"]},"
                    + " \"channels\": [\"in_app\"], \"subject\": \"{{firstname}} settled\", \"body\": \"Check in.\"}",
            "{\"type\": \"set_property\", \"id\": \"tag\", \"property\": \"jobtitle\", \"value\": \"Settled\"}"};
    private static final List<String> OPPORTUNITY_ACTIONS = List.of("settle", "follow", "nudge", "tag");
    private static final Duration PAST_THE_WAIT = Duration.ofDays(15);

    /** The example journey, its opportunity stage's flow {@link #OPPORTUNITY_FLOW}. */
    private static ObjectNode journey() {
        return LiveJourney.withActions(LiveJourney.example(), "opportunity", OPPORTUNITY_FLOW);
    }

    /** The published version with the opportunity stage's actions {@code ids} left out. */
    private static ObjectNode without(LiveJourney j, String... ids) {
        ObjectNode edited = j.published();
        var actions = (ArrayNode) LiveJourney.stage(edited, "opportunity").get("actions");
        for (int i = actions.size() - 1; i >= 0; i--) {
            if (List.of(ids).contains(actions.get(i).get("id").asText())) {
                actions.remove(i);
            }
        }
        return edited;
    }

    private static void republish(LiveJourney j, JsonNode definition) {
        j.saveDraft(definition);
        j.publish(false);
    }

    /** The log lines of actions of the opportunity stage that ran, after the first {@code skip} lines. */
    private static List<String> opportunityActionsRun(LiveJourney j, String contactId, int skip) {
        return j.log(contactId).stream().skip(skip)
                .filter(line -> line.get("kind").asText().equals("ACTION_EXECUTED"))
                .map(line -> line.path("actionId").asText())
                .filter(OPPORTUNITY_ACTIONS::contains).toList();
    }

    private static void assertRanNothingOfTheOpportunityFlow(LiveJourney j, String contactId, int linesBefore) {
        assertThat(opportunityActionsRun(j, contactId, linesBefore)).as("actions run after the publish").isEmpty();
        assertThat(j.tasks(contactId)).isEmpty();
        assertThat(j.notifications("ana")).doesNotContain(contactId + " settled");
        assertThat(j.s.property("contact", contactId, "jobtitle")).isEmpty();
    }

    @Test
    @DisplayName("R-JRN-11 deleting a stage makes its contacts inactive — nothing of it runs when their wait ends — "
            + "and they move again only when their property takes a stage's value")
    void R_JRN_11_deletingAStage_makesItsContactsInactive_untilTheirPropertyTakesAStagesValue() {
        LiveJourney j = new LiveJourney("j1", journey());
        j.eligible("bo", "opportunity");
        j.s.advance(PAST_THE_WAIT);
        assertThatStatus(j, "bo", "AWAITING_EVENT", "~stay:opportunity");
        assertThat(j.s.property("contact", "bo", "jobtitle")).as("bo's flow ran").isEqualTo("Settled");
        j.eligible("ada", null);
        j.set("ada", "opportunity");
        assertThatStatus(j, "ada", "WAITING", "follow");
        int adaLines = j.log("ada").size();
        int boLines = j.log("bo").size();

        republish(j, LiveJourney.withoutStage(j.published(), "opportunity"));
        j.s.advance(PAST_THE_WAIT);

        assertThatStatus(j, "ada", "AWAITING_EVENT", "~inactive");
        assertThat(j.logText("ada")).contains("follow: action 'follow' was deleted from the workflow; going on to"
                + " '~inactive'");
        assertRanNothingOfTheOpportunityFlow(j, "ada", adaLines);
        assertThat(j.status("bo")).as("staying in the deleted stage").isEqualTo("AWAITING_EVENT");
        assertThat(j.log("bo")).as("nothing happened to bo").hasSize(boLines);
        JsonNode metrics = j.metrics();
        assertThat(metrics.get("stages")).extracting(s -> s.get("stageId").asText()).doesNotContain("opportunity");
        assertThat(LiveJourney.paths(metrics, "subscribed")).as("Ada left the start stage for the deleted one")
                .containsExactly("stage:opportunity=1/100.0");

        adaLines = j.log("ada").size();
        boLines = j.log("bo").size();
        j.set("ada", "evangelist"); // a value of no stage, as the deleted stage's is now
        j.set("bo", "evangelist");
        j.s.advance(PAST_THE_WAIT);
        assertThatStatus(j, "ada", "AWAITING_EVENT", "~inactive");
        assertThat(j.log("ada")).as("a value leading nowhere moves nothing").hasSize(adaLines);
        assertThat(j.log("bo")).hasSize(boLines);

        j.set("ada", "lead");
        j.set("bo", "lead");
        assertThatStatus(j, "ada", "AWAITING_EVENT", "form");
        assertThatStatus(j, "bo", "AWAITING_EVENT", "form");
        assertThat(LiveJourney.stageFigures(j.metrics(), "lead").get("entered").asLong()).isEqualTo(2);
    }

    @Test
    @DisplayName("R-JRN-11 deleting one action between two that stay moves its contacts on to the action after it")
    void R_JRN_11_deletingOneAction_movesItsContactsOnToTheNext() {
        LiveJourney j = new LiveJourney("j1", journey());
        j.eligible("ada", "opportunity");
        assertThatStatus(j, "ada", "WAITING", "follow");

        republish(j, without(j, "follow"));
        assertThatStatus(j, "ada", "WAITING", "follow");
        j.s.advance(PAST_THE_WAIT);

        assertThat(j.logText("ada")).contains("follow: action 'follow' was deleted from the workflow; going on to"
                + " 'nudge'");
        assertThat(j.tasks("ada")).as("the deleted task").isEmpty();
        assertThat(j.notifications("ana")).contains("ada settled");
        assertThat(j.s.property("contact", "ada", "jobtitle")).isEqualTo("Settled");
        assertThatStatus(j, "ada", "AWAITING_EVENT", "~stay:opportunity");
    }

    @Test
    @DisplayName("R-JRN-11 deleting two consecutive actions makes the contacts at the first inactive, until their "
            + "property takes a stage's value")
    void R_JRN_11_deletingConsecutiveActions_makesTheContactsAtTheFirstInactive() {
        LiveJourney j = new LiveJourney("j1", journey());
        j.eligible("ada", "opportunity");
        assertThatStatus(j, "ada", "WAITING", "follow");
        int adaLines = j.log("ada").size();

        republish(j, without(j, "follow", "nudge"));
        j.s.advance(PAST_THE_WAIT);

        assertThatStatus(j, "ada", "AWAITING_EVENT", "~inactive");
        assertThat(j.logText("ada")).contains("follow: action 'follow' was deleted from the workflow; going on to"
                + " '~inactive'");
        assertRanNothingOfTheOpportunityFlow(j, "ada", adaLines);

        j.set("ada", "lead");
        assertThatStatus(j, "ada", "AWAITING_EVENT", "form");
    }

    @Test
    @DisplayName("R-JRN-12 R-JRN-11 done when: restoring version N and publishing it makes new enrollments follow "
            + "version N, while contacts already inside follow the live-edit rules")
    void restoringAVersionAndPublishingIt_newContactsFollowIt_contactsInsideFollowTheLiveEditRules() {
        LiveJourney j = new LiveJourney("j1", journey());
        long first = j.view().at("/journey/publishedVersion").asLong();
        ObjectNode callInstead = LiveJourney.withActions(j.published(), "opportunity", OPPORTUNITY_FLOW[0],
                "{\"type\": \"create_task\", \"id\": \"call2\", \"subject\": \"Call {{firstname}} now\"}",
                OPPORTUNITY_FLOW[3]);
        republish(j, callInstead);
        j.eligible("ada", "opportunity");
        assertThatStatus(j, "ada", "WAITING", "call2");

        JsonNode restored = j.api.as("ana").post("/journeys/j1/versions/" + first + "/restore", null).expect(200)
                .json();
        assertThat(restored.at("/draft/stages/3/actions").findValuesAsText("id")).isEqualTo(OPPORTUNITY_ACTIONS);
        j.eligible("cy", "opportunity");
        assertThatStatus(j, "cy", "WAITING", "call2"); // restored, not published: nothing live changed
        j.publish(false);
        JsonNode live = j.view();
        assertThat(live.at("/journey/publishedVersion").asLong()).isEqualTo(live.at("/journey/version").asLong());
        assertThat(live.at("/published/stages/3/actions").findValuesAsText("id")).isEqualTo(OPPORTUNITY_ACTIONS);
        j.eligible("bea", "opportunity");
        assertThatStatus(j, "bea", "WAITING", "follow");

        j.s.advance(PAST_THE_WAIT);

        assertThat(opportunityActionsRun(j, "bea", 0)).as("the restored version's flow")
                .containsExactly("follow", "nudge", "tag");
        assertThat(j.tasks("bea")).containsExactly("Follow up bea");
        assertThat(j.notifications("ana")).contains("bea settled");
        for (String inside : List.of("ada", "cy")) {
            assertThat(j.logText(inside)).as(inside).contains("call2: action 'call2' was deleted from the workflow;"
                    + " going on to 'tag'");
            assertThat(opportunityActionsRun(j, inside, 0)).as(inside + ": one deleted action, so on to the next")
                    .containsExactly("tag");
            assertThat(j.tasks(inside)).isEmpty();
            assertThat(j.notifications("ana")).doesNotContain(inside + " settled");
        }
        for (String id : List.of("ada", "cy", "bea")) {
            assertThat(j.s.property("contact", id, "jobtitle")).as(id).isEqualTo("Settled");
            assertThatStatus(j, id, "AWAITING_EVENT", "~stay:opportunity");
        }
    }
}
