package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmflow.engine.BranchLines;
import io.crmflow.json.Json;
import io.crmflow.local.LocalStack;
import io.crmflow.local.SentMail;
import io.crmflow.local.SettableClock;
import io.crmflow.simulate.InputEvent;
import io.crmflow.simulate.SampleEvents;
import io.crmflow.simulate.SimulationReport;
import io.crmflow.simulate.SimulationSetup;
import io.crmflow.simulate.Simulator;
import io.crmflow.simulate.Subject;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 6's proof that backtesting tells the truth: a seeded sample of contacts and events runs
 * once through the simulator, in memory, and once through the API and the real trigger, step and
 * timer handlers on a local stack — the stack's clock moved through the same events and the same
 * waits — and every count the simulator reports equals what the stack shows: the metrics, the
 * goal, each enrollment's way and the email and texts that went out.
 *
 * <p>The stack is this class's own, with a clock of its own, so that no other test's waits fall
 * due while the sample's time passes.
 */
@DisplayName("Issue 6: crmflow simulate reports the counts the real handlers come to over the same events")
class SimulationMatchesHandlersTest {
    /**
     * Contacts and events of each sample. Through the API and every handler an event costs tens of
     * table and queue calls, and a look at the due index before it — about a sixth of a second on
     * a 2-core machine with the embedded services, seconds against moto — so a build plays 20
     * contacts and 100 events each on the embedded stack (about a minute, the stack's own start
     * included) and six and thirty against an external emulator (a few minutes). The first size
     * takes contacts along both ways of the workflow's branch and most paths of the journey. {@code -Dsimulate.contacts=200
     * -Dsimulate.events=1000} plays a fuller sample (some seven minutes embedded).
     */
    private static final int CONTACTS = Integer.getInteger("simulate.contacts", SharedStack.embedded() ? 20 : 6);
    private static final int EVENTS = Integer.getInteger("simulate.events", SharedStack.embedded() ? 100 : 30);
    private static final Duration HORIZON = Simulator.Options.DEFAULTS.horizon();
    private static final SimulationSetup SETUP = SimulationSetup.read(SampleEvents.SETUP);

    private static SettableClock clock;
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        clock = new SettableClock(SampleEvents.START);
        stack = SharedStack.startOwn(clock, Path.of("target", "simulate-mail"));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    @DisplayName("a workflow with a branch, a delay, a wait for a form, emails and a goal")
    void workflow_simulatedCounts_equalThoseOfTheHandlers() {
        Api api = tenantWithTheSetup();
        ObjectNode workflow = (ObjectNode) Json.tree(SampleEvents.WORKFLOW);
        String id = workflow.remove("id").asText();
        api.put("/workflows/" + id, workflow.toString()).expect(200);
        List<InputEvent> events = sample(1);
        int mailBefore = stack.mailbox().sent().size();

        SampleReplay replay = new SampleReplay(stack, clock, api, id);
        replay.play(events, HORIZON);
        SimulationReport simulated = Simulator.run(SETUP, Subject.workflow(SampleEvents.WORKFLOW), events,
                Simulator.Options.DEFAULTS);

        assertThat(simulated.counts().get("enrolled")).as("the sample enrolls someone").isPositive();
        assertThat(counts(api.get("/workflows/" + id + "/metrics").expect(200).json())).isEqualTo(simulated.counts());
        JsonNode goal = api.get("/workflows/" + id + "/details").expect(200).json().get("goal");
        for (String figure : List.of("metGoal", "marketingEmailed", "metGoalAfterMarketingEmail")) {
            assertThat(goal.get(figure).asLong()).as(figure).isEqualTo(((Number) simulated.goal().get(figure)).longValue());
        }
        Logs logs = new Logs(api, "/workflows/" + id + "/enrollments");
        assertThat(logs.statuses).isEqualTo(statuses(simulated));
        assertThat(logs.reached).isEqualTo(reached(simulated));
        assertThat(logs.branches).isEqualTo(branches(simulated));
        assertThat(mail(mailBefore)).isEqualTo(mail(simulated));
        assertThat(refusedLines(simulated)).as("the two events refused when they come").hasSize(2)
                .isEqualTo(replay.refused);
    }

    @Test
    @DisplayName("the documented journey: its figures, each contact's way, the email and the texts")
    void journey_simulatedFigures_equalThoseOfTheHandlers() {
        Api api = tenantWithTheSetup();
        api.as("ana").post("/journeys", SampleEvents.journey()).expect(201);
        api.as("ana").post("/journeys/nurture/publish", "{\"enrollExisting\": false, \"createStageReports\": false}")
                .expect(200);
        List<InputEvent> events = sample(2);
        int mailBefore = stack.mailbox().sent().size();
        int textsBefore = stack.texts().requested().size();

        SampleReplay replay = new SampleReplay(stack, clock, api, "journey:nurture");
        replay.play(events, HORIZON);
        SimulationReport simulated = Simulator.run(SETUP, Subject.journey(SampleEvents.journey()), events,
                Simulator.Options.DEFAULTS);

        assertThat(simulated.journey().enrolled()).as("the sample enrolls someone").isPositive();
        assertThat(api.get("/journeys/nurture/metrics").expect(200).json())
                .isEqualTo(Json.tree(Json.write(simulated.journey())));
        assertThat(counts(api.get("/workflows/journey:nurture/metrics").expect(200).json())).isEqualTo(simulated.counts());
        Logs logs = new Logs(api, "/journeys/nurture/enrollments");
        assertThat(logs.statuses).isEqualTo(statuses(simulated));
        assertThat(mail(mailBefore)).isEqualTo(mail(simulated));
        assertThat(stack.texts().requested().size() - textsBefore).isEqualTo(simulated.texts().size());
        assertThat(refusedLines(simulated)).as("the two events refused when they come").hasSize(2)
                .isEqualTo(replay.refused);
    }

    /** A tenant of its own with what the sample's setup names: its lists and the user Ana. */
    private static Api tenantWithTheSetup() {
        Api api = Api.forNewTenant(stack, SharedStack.uniqueTenant());
        for (var list : SETUP.lists()) {
            api.put("/lists/" + list.id(), Json.write(Map.of("name", list.name(), "objectType", list.objectType(),
                    "kind", "static"))).expect(200);
        }
        for (var user : SETUP.users()) {
            api.put("/users/" + user.id(), Json.write(Map.of("email", user.email(), "name", user.name()))).expect(200);
        }
        return api;
    }

    /**
     * A sample starting where the stack's clock is, on the minute, read as the simulator reads it —
     * with two events the API refuses when they come, so that both are seen to refuse the same: an
     * update of a contact never created, with the first line, and the first line's contact created
     * again, with the last.
     */
    private static List<InputEvent> sample(long seed) {
        Instant start = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        List<String> lines = new ArrayList<>(SampleEvents.lines(CONTACTS, EVENTS, seed, "seed" + seed, start));
        ObjectNode firstCreate = (ObjectNode) Json.tree(lines.get(0));
        String last = Json.tree(lines.get(lines.size() - 1)).get("at").asText();
        lines.add(1, Json.write(Map.of("at", firstCreate.get("at").asText(), "kind", "update", "objectType", "contact",
                "id", "never-created", "properties", Map.of("jobtitle", "Ghost"))));
        lines.add(firstCreate.deepCopy().put("at", last).toString());
        return Simulator.readEvents(SETUP, new BufferedReader(new StringReader(String.join("\n", lines))));
    }

    private static List<Long> refusedLines(SimulationReport report) {
        return report.refused().stream().map(SimulationReport.Refusal::line).toList();
    }

    private static Map<String, Long> counts(JsonNode metrics) {
        Map<String, Long> counts = new HashMap<>();
        metrics.fields().forEachRemaining(f -> counts.put(f.getKey(), f.getValue().asLong()));
        return counts;
    }

    /** Each enrolled record's id with its status, as the simulator ends them. */
    private static Map<String, String> statuses(SimulationReport report) {
        Map<String, String> out = new TreeMap<>();
        report.enrolled().forEach(e -> out.put(e.record().id(), e.status()));
        return out;
    }

    private static Map<String, Long> reached(SimulationReport report) {
        Map<String, Long> out = new TreeMap<>();
        report.actions().stream().filter(a -> a.reached() > 0).forEach(a -> out.put(a.actionId(), a.reached()));
        return out;
    }

    private static Map<String, Long> branches(SimulationReport report) {
        Map<String, Long> out = new TreeMap<>();
        report.branches().forEach(b -> b.outcomes().stream().filter(o -> o.count() > 0)
                .forEach(o -> out.put(b.actionId() + "→" + o.outcome(), o.count())));
        return out;
    }

    /**
     * Each email as {@code time to: subject}, sorted: what the stack's mail service took since
     * {@code before}. The time is the stack's clock when the step ran — so a wait the stack ended
     * at another time than the simulator shows here — except against an external emulator, whose
     * mail service stamps its own time, where it is left out.
     */
    private static List<String> mail(int before) {
        List<SentMail> all = stack.mailbox().sent();
        List<String> out = new ArrayList<>();
        all.subList(before, all.size()).forEach(m -> out.add(mail(m.sentAt(), m.to(), m.subject())));
        out.sort(null);
        return out;
    }

    private static List<String> mail(SimulationReport report) {
        List<String> out = new ArrayList<>();
        report.emails().forEach(e -> out.add(mail(e.at(), e.to(), e.subject())));
        out.sort(null);
        return out;
    }

    private static String mail(Instant at, List<String> to, String subject) {
        return (SharedStack.embedded() ? at + " " : "") + String.join(", ", to) + ": " + subject;
    }

    /**
     * What the API shows of every enrollment of a workflow: its record's status, the enrollments
     * that reached each action, and how often each branch took each way — counted from each
     * enrollment's history, as a person reading them would.
     */
    private static final class Logs {
        final Map<String, String> statuses = new TreeMap<>();
        final Map<String, Long> reached = new TreeMap<>();
        final Map<String, Long> branches = new TreeMap<>();

        Logs(Api api, String enrollments) {
            for (JsonNode e : api.items(enrollments + "?limit=200")) {
                statuses.put(e.at("/record/id").asText(), e.get("status").asText());
                Set<String> seen = new HashSet<>();
                for (JsonNode line : api.items("/enrollments/" + e.get("id").asText() + "/history?limit=200")) {
                    String action = line.path("actionId").asText("");
                    if (!action.isEmpty() && !action.startsWith("~")) {
                        seen.add(action);
                    }
                    if (line.get("kind").asText().equals("BRANCH_TAKEN")) {
                        BranchLines.outcome(line.get("detail").asText())
                                .ifPresent(o -> branches.merge(action + "→" + o, 1L, Long::sum));
                    }
                }
                seen.forEach(a -> reached.merge(a, 1L, Long::sum));
            }
        }
    }
}
