package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.definition.CrmList;
import io.crmflow.journey.End;
import io.crmflow.journey.JourneyDefinition;
import io.crmflow.journey.JourneyExamples;
import io.crmflow.store.Write;
import io.crmflow.store.memory.InMemoryStore;
import io.crmflow.journey.Stage;
import io.crmflow.journey.StageAction;
import io.crmflow.json.Json;
import io.crmflow.model.InputProblem;
import io.crmflow.model.ListKind;
import io.crmflow.model.StandardObjectTypes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a journey's definition must be to be saved, and to be published (R-JRN-1..7). */
class JourneyValidatorTest {
    private static final Function<String, Optional<CrmList>> LISTS = id -> {
        var lists = new ArrayList<>(JourneyExamples.lists());
        lists.add(new CrmList("deals", "Deals", "deal", ListKind.STATIC, null));
        lists.add(new CrmList("active", "Active", "contact", ListKind.ACTIVE,
                io.crmflow.filter.Filter.allOf(new io.crmflow.filter.Condition.OnProperty("email",
                        io.crmflow.filter.Operator.IS_KNOWN, List.of()))));
        return lists.stream().filter(l -> l.id().equals(id)).findFirst();
    };
    private static final JourneyDefinition NURTURE = JourneyExamples.nurture();
    private static final People PEOPLE = people();

    private static People people() {
        InMemoryStore store = new InMemoryStore();
        store.commit(JourneyExamples.users().stream().<Write>map(u -> new Write.PutUser("t1", u)).toList());
        return People.of(store, "t1");
    }

    private static List<InputProblem> draft(JourneyDefinition d) {
        return JourneyValidator.validate(d, StandardObjectTypes.byName("contact").orElseThrow(), LISTS,
                PEOPLE, JourneyValidator.Purpose.DRAFT);
    }

    private static List<InputProblem> publish(JourneyDefinition d) {
        return JourneyValidator.validate(d, StandardObjectTypes.byName("contact").orElseThrow(), LISTS,
                PEOPLE, JourneyValidator.Purpose.PUBLISH);
    }

    private static List<String> pointers(List<InputProblem> problems) {
        return problems.stream().map(InputProblem::pointer).toList();
    }

    /** The example with one field of its JSON replaced. */
    private static JourneyDefinition edited(String from, String to) {
        assertThat(JourneyExamples.NURTURE).contains(from);
        return Json.read(JourneyExamples.NURTURE.replace(from, to), JourneyDefinition.class);
    }

    @Test
    void theExample_isValid_forADraftAndForPublishing() {
        assertThat(draft(NURTURE)).isEmpty();
        assertThat(publish(NURTURE)).isEmpty();
    }

    @Test
    @DisplayName("R-JRN-1 the property must be an enumeration of contacts, and each stage and end one of its values, once")
    void R_JRN_1_propertyIsAContactEnumeration_valuesAreItsOptions_eachUsedOnce() {
        assertThat(pointers(draft(edited("subscribers\", \"property\": \"lifecyclestage\"", "subscribers\", \"property\": \"email\""))))
                .containsExactly("/property");
        assertThat(pointers(draft(edited("subscribers\", \"property\": \"lifecyclestage\"", "subscribers\", \"property\": \"nope\""))))
                .containsExactly("/property");
        assertThat(draft(edited("\"value\": \"lead\", \"actions\"", "\"value\": \"prospect\", \"actions\"")))
                .singleElement().satisfies(p -> {
                    assertThat(p.pointer()).isEqualTo("/stages/1/value");
                    assertThat(p.message()).contains("'prospect' is not an option", "subscriber");
                });
        assertThat(draft(edited("\"kind\": \"unsuccessful\", \"value\": \"other\"",
                "\"kind\": \"unsuccessful\", \"value\": \"lead\""))).singleElement()
                .satisfies(p -> {
                    assertThat(p.pointer()).isEqualTo("/ends/1/value");
                    assertThat(p.message()).contains("already used by stage 'lead'");
                });
    }

    @Test
    @DisplayName("R-JRN-2 one to five eligibility lists, each a contact list that exists, named once")
    void R_JRN_2_oneToFiveContactLists() {
        assertThat(pointers(draft(JourneyExamples.withLists(NURTURE, List.of())))).containsExactly("/eligibilityLists");
        assertThat(pointers(draft(JourneyExamples.withLists(NURTURE,
                List.of("newsletter", "webinar", "customers", "unsubscribed", "active", "nope")))))
                .containsExactly("/eligibilityLists", "/eligibilityLists/5");
        assertThat(pointers(draft(JourneyExamples.withLists(NURTURE, List.of("newsletter", "deals", "newsletter")))))
                .containsExactly("/eligibilityLists/1", "/eligibilityLists/2");
        assertThat(draft(JourneyExamples.withLists(NURTURE, List.of("active", "newsletter")))).isEmpty();
    }

    @Test
    @DisplayName("R-JRN-4 one to ten stages, each with one to fifty actions; every problem reported at once")
    void R_JRN_4_stageAndActionLimits_allProblemsAtOnce() {
        Stage start = NURTURE.stages().get(0);
        List<Stage> eleven = IntStream.range(0, 11).mapToObj(i -> new Stage("s" + i, "S" + i, null,
                List.<StageAction>of(new StageAction.Wait("w" + i, Duration.ofDays(1))))).toList();
        assertThat(pointers(draft(JourneyExamples.withStages(NURTURE, eleven)))).containsExactly("/stages");
        List<StageAction> fiftyOne = IntStream.range(0, 51)
                .mapToObj(i -> (StageAction) new StageAction.Wait("w" + i, Duration.ofDays(1))).toList();
        var tooManyActions = new Stage(start.id(), start.name(), start.value(), fiftyOne);
        var noActions = new Stage("empty", "Empty", "lead", List.of());
        assertThat(pointers(draft(JourneyExamples.withStages(NURTURE, List.of(tooManyActions, noActions)))))
                .containsExactly("/stages/0/actions", "/stages/1/actions");
        assertThat(pointers(draft(JourneyExamples.withStages(NURTURE, List.of())))).containsExactly("/stages");
    }

    @Test
    @DisplayName("R-JRN-5 each action checked; a go-to leads to an end or an earlier stage, and comes last")
    void R_JRN_5_actionsChecked_goTosLeadToEndsOrEarlierStages() {
        assertThat(pointers(draft(edited("\"endId\": \"customer\"", "\"endId\": \"nowhere\""))))
                .containsExactly("/stages/2/actions/2/endId");
        assertThat(pointers(draft(edited("{\"type\": \"go_to_end\", \"id\": \"done\", \"endId\": \"customer\"}",
                "{\"type\": \"go_to_stage\", \"id\": \"done\", \"stageId\": \"qualified\"}"))))
                .containsExactly("/stages/2/actions/2/stageId");
        assertThat(draft(edited("{\"type\": \"go_to_end\", \"id\": \"done\", \"endId\": \"customer\"}",
                "{\"type\": \"go_to_stage\", \"id\": \"done\", \"stageId\": \"subscribed\"}"))).isEmpty();
        assertThat(pointers(draft(edited("{\"type\": \"wait\", \"id\": \"pause\", \"duration\": \"P2D\"}",
                "{\"type\": \"go_to_end\", \"id\": \"early\", \"endId\": \"lost\"},"
                        + "{\"type\": \"wait\", \"id\": \"pause\", \"duration\": \"P2D\"}"))))
                .containsExactly("/stages/0/actions/1");
        assertThat(pointers(draft(edited("\"id\": \"qualify\"", "\"id\": \"form\""))))
                .containsExactly("/stages/1/actions/1/id");
        Stage start = NURTURE.stages().get(0);
        var nothingToSend = new Stage(start.id(), start.name(), start.value(),
                List.of(new StageAction.SendAssets("welcome", null, null, null), start.actions().get(1)));
        var stages = new ArrayList<>(NURTURE.stages());
        stages.set(0, nothingToSend);
        assertThat(pointers(draft(JourneyExamples.withStages(NURTURE, stages)))).containsExactly("/stages/0/actions/0");
        assertThat(pointers(draft(edited(
                "\"sms\": {\"body\": \"Welcome aboard!\"}, \"whatsapp\": {\"body\": \"Hi {{firstname|there}}!\"}",
                "\"sms\": {\"body\": \"" + "x".repeat(1601) + "\"}, \"whatsapp\": {\"body\": \" \"}"))))
                .containsExactly("/stages/0/actions/0/sms/body", "/stages/0/actions/0/whatsapp/body");
        assertThat(pointers(draft(edited("\"timeout\": \"P7D\"", "\"timeout\": \"PT0S\""))))
                .containsExactly("/stages/1/actions/0/timeout");
        assertThat(pointers(draft(edited("\"value\": \"marketingqualifiedlead\"}", "\"value\": \"nope\"}"))))
                .containsExactly("/stages/1/actions/1/value");
        assertThat(pointers(draft(edited("\"users\": [\"ana\"]", "\"users\": [\"zoe\"]"))))
                .containsExactly("/stages/2/actions/1/recipients/users/0");
    }

    @Test
    @DisplayName("R-JRN-6 exactly one goal end; an end adds contacts only to a static contact list")
    void R_JRN_6_exactlyOneGoal_endListsStatic() {
        assertThat(pointers(draft(edited("\"kind\": \"unsuccessful\"", "\"kind\": \"goal\"")))).containsExactly("/ends");
        assertThat(pointers(draft(edited("\"kind\": \"goal\"", "\"kind\": \"unsuccessful\"")))).containsExactly("/ends");
        assertThat(pointers(draft(edited("\"addToList\": \"customers\"", "\"addToList\": \"active\""))))
                .containsExactly("/ends/0/addToList");
        assertThat(pointers(draft(edited("\"id\": \"lost\"", "\"id\": \"lead\"")))).containsExactly("/ends/1/id");
    }

    @Test
    @DisplayName("R-JRN-7 suppression lists must be contact lists that exist")
    void R_JRN_7_suppressionListsExist() {
        assertThat(pointers(draft(edited("\"suppressionLists\": [\"unsubscribed\"]",
                "\"suppressionLists\": [\"unsubscribed\", \"deals\", \"nope\"]"))))
                .containsExactly("/unenrollment/suppressionLists/1", "/unenrollment/suppressionLists/2");
    }

    @Test
    void aDraftMayLeaveValuesToChoose_butIsPublishedOnlyWithEveryValueChosen() {
        JourneyDefinition unchosen = edited("\"value\": \"lead\", \"actions\"", "\"actions\"");
        assertThat(draft(unchosen)).isEmpty();
        assertThat(publish(unchosen)).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/stages/1/value");
            assertThat(p.message()).contains("before publishing");
        });
        assertThat(Map.of("ids", pointers(publish(edited("\"value\": \"other\"", "\"value\": null")))))
                .containsEntry("ids", List.of("/ends/1/value"));
    }

    @Test
    void endKinds_readInLowerCase() {
        assertThat(NURTURE.ends()).extracting(End::kind).containsExactly(End.Kind.GOAL, End.Kind.UNSUCCESSFUL);
    }

    /**
     * Ten stages of fifty actions, each sending an email, an SMS and a WhatsApp message, with
     * texts of {@code textLength} characters: the largest journeys the other limits allow.
     */
    private static JourneyDefinition largest(int textLength) {
        String text = "x".repeat(textLength);
        List<io.crmflow.journey.Stage> stages = new ArrayList<>();
        for (int s = 0; s < JourneyValidator.MAX_STAGES; s++) {
            List<io.crmflow.journey.StageAction> actions = new ArrayList<>();
            for (int a = 0; a < JourneyValidator.MAX_ACTIONS; a++) {
                actions.add(new io.crmflow.journey.StageAction.SendAssets("s" + s + "a" + a,
                        new io.crmflow.journey.StageAction.MarketingEmail(null, "Hello", text),
                        new io.crmflow.journey.StageAction.TextMessage(text),
                        new io.crmflow.journey.StageAction.TextMessage(text)));
            }
            stages.add(new io.crmflow.journey.Stage("stage" + s, "Stage " + s,
                    io.crmflow.model.StandardObjectTypes.JOURNEY_STAGE_OPTIONS.get(s < 9 ? s : 12), actions));
        }
        List<io.crmflow.journey.End> ends = List.of(new io.crmflow.journey.End("won", "Won",
                io.crmflow.journey.End.Kind.GOAL, "won", null), new io.crmflow.journey.End("lost", "Lost",
                io.crmflow.journey.End.Kind.UNSUCCESSFUL, "lost", null));
        return new JourneyDefinition("Largest", io.crmflow.model.StandardObjectTypes.JOURNEY_STAGE,
                List.of("newsletter"), true, stages, ends, null);
    }

    @Test
    void aDefinitionTooLargeToKeep_isRefusedAtTheRoot_andTheLargestKept_compilesIntoAWorkflowThatFitsOneItem() {
        JourneyDefinition tooLarge = largest(100);
        JourneyDefinition kept = largest(30);
        assertThat(io.crmflow.json.Json.write(kept).length()).isLessThanOrEqualTo(JourneyValidator.MAX_DEFINITION_BYTES);

        assertThat(pointers(publish(tooLarge))).containsExactly("/");
        assertThat(publish(tooLarge).get(0).message()).contains("KB");
        assertThat(publish(kept)).isEmpty();
        var compiled = JourneyWorkflows.compile("t1", "largest", kept, 1);
        assertThat(io.crmflow.json.Json.write(compiled).length()).as("a table item holds 400 KB")
                .isLessThan(380_000);
    }
}
