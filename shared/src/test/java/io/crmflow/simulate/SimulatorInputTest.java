package io.crmflow.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmflow.model.InputProblem;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("crmflow simulate refuses bad input with every problem at once, each where it is")
class SimulatorInputTest {
    static final String SETUP = """
            {"lists": [{"id": "newsletter", "name": "Newsletter", "objectType": "contact", "kind": "static"}]}""";

    private static List<InputEvent> read(String setup, String lines) {
        return Simulator.readEvents(SimulationSetup.read(setup), new BufferedReader(new StringReader(lines)));
    }

    @Test
    void readEvents_refusesEveryBadLineAtOnce_namingTheLineAndTheField() {
        String lines = """
                {"at": "2026-03-02T09:00:00Z", "kind": "create", "objectType": "contact", "id": "c-1", "properties": {"lifecyclestage": "lead"}}
                {"at": "2026-03-02T09:00:00Z", "kind": "create",
                {"at": "2026-03-02T09:00:00Z", "kind": "delete", "objectType": "contact", "id": "c-1"}
                {"kind": "update", "objectType": "contact", "id": "c-1", "properties": {"jobtitle": "CEO"}}
                {"at": "2026-03-02T10:00:00Z", "kind": "update", "objectType": "contact", "id": "c-1", "properties": {"colour": "red", "lifecyclestage": "boss"}}
                {"at": "2026-03-02T10:00:00Z", "kind": "update", "objectType": "contact", "id": "c-1", "properties": {"jobtitle": "CEO"}, "by": "ana"}

                {"at": "2026-03-01T10:00:00Z", "kind": "update", "objectType": "contact", "id": "c-1", "properties": {"jobtitle": "CEO"}}
                {"at": "2026-03-02T11:00:00Z", "kind": "join", "listId": "vip", "record": {"objectType": "contact", "id": "c-1"}}
                {"at": "2026-03-02T11:00:00Z", "kind": "create", "objectType": "planet", "id": "p-1"}
                {"at": "tomorrow", "kind": "enroll", "record": {"objectType": "contact", "id": "c-1"}}
                {"at": "2026-03-02T12:00:00Z", "kind": "activity", "record": {"objectType": "contact", "id": "c-1"}, "activity": {"type": "dance", "actor": {"kind": "RECORD"}}}
                {"at": "2026-03-02T12:00:00Z", "kind": "update", "objectType": "contact", "id": "c-1"}
                {"at": "2026-03-02T12:00:00Z", "kind": "join", "listId": "newsletter", "record": {"objectType": "contact", "id": "c-1"}, "properties": {}}
                """;
        EventFileException refused = catchThrowableOfType(() -> read(SETUP, lines), EventFileException.class);

        assertThat(refused.problems()).extracting(p -> p.line() + " " + p.pointer()).containsExactly(
                "2 /", "3 /kind", "4 /at", "5 /properties/colour", "5 /properties/lifecyclestage", "6 /by", "8 /at",
                "9 /listId", "10 /objectType", "11 /at", "12 /activity/type", "13 /properties", "14 /properties");
        assertThat(refused.problems().get(0).message()).startsWith("malformed JSON");
        assertThat(refused.problems().get(1).message()).contains("'delete' is not a kind of event", "create, update");
        assertThat(refused.problems().get(3).message()).isEqualTo("property 'colour' does not exist on contact");
        assertThat(refused.problems().get(5).message()).contains("unknown field 'by'");
        assertThat(refused.problems().get(6).message()).isEqualTo(
                "2026-03-01T10:00:00Z comes before 2026-03-02T10:00:00Z of line 6: the lines must be in time order");
        assertThat(refused.problems().get(7).message()).isEqualTo("the setup has no static list 'vip'");
        assertThat(refused.problems().get(9).message()).isEqualTo("'tomorrow' is not an instant such as 2026-03-02T09:00:00Z");
        assertThat(refused.problems().get(12).message()).isEqualTo(
                "a join line has no field 'properties'; it takes [listId, record]");
        assertThat(refused.getMessage()).startsWith("13 problems in the events file:\nline 2 /: malformed JSON");
    }

    @Test
    void readEvents_ofAGoodFile_keepsEachLinesNumber_skippingBlankLines() {
        List<InputEvent> events = read(SETUP, """
                {"at": "2026-03-02T09:00:00Z", "kind": "create", "objectType": "contact", "id": "c-1", "properties": {}}

                {"at": "2026-03-02T09:00:00Z", "kind": "join", "listId": "newsletter", "record": {"objectType": "contact", "id": "c-1"}}
                """);
        assertThat(events).extracting(InputEvent::line).containsExactly(1L, 3L);
        assertThat(events.get(1)).isInstanceOf(InputEvent.Membership.class);
    }

    @Test
    void setup_thatTheApiWouldRefuse_isRefusedWithEveryProblemAtItsPointer() {
        String setup = """
                {"timezone": "Mars/Olympus",
                 "lists": [{"id": "ok", "name": "Fine", "objectType": "contact", "kind": "static"},
                           {"id": "ghosts", "name": "Ghosts", "objectType": "ghost", "kind": "static"}],
                 "pipelines": [{"objectType": "deal", "id": "sales", "stages": []}]}""";
        SimulationInputException refused = catchThrowableOfType(() -> read(setup, ""), SimulationInputException.class);

        assertThat(refused.document()).isEqualTo("setup");
        assertThat(refused.problems()).extracting(InputProblem::pointer)
                .containsExactly("/timezone", "/pipelines/0", "/lists/1/objectType");
        assertThat(refused.getMessage()).startsWith("setup: /timezone: 'Mars/Olympus' is not a timezone");
    }

    @Test
    void setup_thatIsNotJson_isRefusedAtThePointerWhereItWentWrong() {
        assertThatThrownBy(() -> SimulationSetup.read("{\"lists\": [{\"id\": \"x\", \"kind\": \"sometimes\"}]}"))
                .isInstanceOfSatisfying(SimulationInputException.class, e -> assertThat(e.problems())
                        .extracting(InputProblem::pointer).containsExactly("/lists/0/kind"));
    }

    @Test
    void workflow_thatTheApiWouldRefuse_isRefusedBeforeAnythingRuns() {
        String workflow = """
                {"name": "Broken", "objectType": "contact", "firstActionId": "a",
                 "trigger": {"criteria": {"groups": [{"conditions": [
                   {"type": "property", "property": "shoe_size", "operator": "eq", "values": ["42"]}]}]}},
                 "actions": [{"type": "delay", "id": "a", "duration": "P1D", "next": "nowhere"}]}""";
        var events = read(SETUP, "");
        SimulationInputException refused = catchThrowableOfType(() -> Simulator.run(SimulationSetup.read(SETUP),
                Subject.workflow(workflow), events, Simulator.Options.DEFAULTS), SimulationInputException.class);

        assertThat(refused.document()).isEqualTo("workflow");
        assertThat(refused.problems()).extracting(InputProblem::pointer)
                .contains("/trigger/criteria/groups/0/conditions/0/property", "/actions/0/next");
    }

    @Test
    void workflow_withAFieldTheApiDoesNotKnow_isRefusedAtThatField() {
        assertThatThrownBy(() -> Subject.workflow("{\"name\": \"x\", \"objectType\": \"contact\", \"colour\": \"red\"}"))
                .isInstanceOfSatisfying(SimulationInputException.class, e -> {
                    assertThat(e.document()).isEqualTo("workflow");
                    assertThat(e.problems()).extracting(InputProblem::pointer).containsExactly("/colour");
                });
    }

    @Test
    void journey_thatTheApiWouldRefuse_isRefusedBeforeAnythingRuns() {
        Subject.Journey journey = Subject.journey("""
                {"name": "J", "property": "lifecyclestage", "eligibilityLists": ["webinar"],
                 "stages": [{"id": "s", "name": "S", "value": "lead", "actions": [{"type": "wait", "id": "w"}]}],
                 "ends": []}""");
        SimulationInputException refused = catchThrowableOfType(() -> Simulator.run(SimulationSetup.read(SETUP),
                journey, List.of(), Simulator.Options.DEFAULTS), SimulationInputException.class);

        assertThat(refused.document()).isEqualTo("journey");
        assertThat(refused.problems()).extracting(InputProblem::pointer).contains("/eligibilityLists/0");
    }

    @Test
    void events_theApiWouldRefuseWhenTheyCome_changeNothing_andAreReportedWithTheirLine() {
        var events = read(SETUP, """
                {"at": "2026-03-02T09:00:00Z", "kind": "update", "objectType": "contact", "id": "c-9", "properties": {"lifecyclestage": "customer"}}
                {"at": "2026-03-02T09:00:00Z", "kind": "create", "objectType": "contact", "id": "c-1", "properties": {"lifecyclestage": "customer"}}
                {"at": "2026-03-02T10:00:00Z", "kind": "create", "objectType": "contact", "id": "c-1", "properties": {"lifecyclestage": "lead"}}
                """);
        SimulationReport report = Simulator.run(SimulationSetup.read(SETUP),
                Subject.workflow(SimulatorWorkflowTest.ONBOARDING), events, Simulator.Options.DEFAULTS);

        assertThat(report.refused()).extracting(SimulationReport.Refusal::line).containsExactly(1L, 3L);
        assertThat(report.refused().get(0).problem()).isEqualTo("contact 'c-9' does not exist");
        assertThat(report.refused().get(1).problem()).isEqualTo("contact 'c-1' already exists");
        assertThat(report.enrolled()).extracting(e -> e.record().id()).containsExactly("c-1");
    }
}
