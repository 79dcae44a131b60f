package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmflow.aws.dynamodb.DynamoDbTransactionalWriter;
import io.crmflow.json.Json;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.RecordRef;
import io.crmflow.store.Write;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * R-JRN-13 and R-JRN-14 through the API, trigger, step and timer handlers on the local stack:
 * a journey's figures, its tree and engagement paths, and each contact's log, checked against
 * what its contacts did — a handful told one by one, and a crowd moved at random, whose counts
 * are recomputed from their enrollment logs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JourneyMetricsRequirementsTest {

    /**
     * Four stages with waits: qualified contacts reach the goal when their wait ends, and
     * opportunities go back to qualified when theirs does; taking an end's value reaches that end
     * (not matched early), so both ends are reached both ways.
     */
    private static final String FUNNEL = """
            {"name": "Funnel", "property": "lifecyclestage", "eligibilityLists": ["newsletter"], "enrollEmpty": true,
             "stages": [
               {"id": "subscribed", "name": "Subscribed", "value": "subscriber", "actions": [
                 {"type": "wait", "id": "w1", "duration": "P1D"}]},
               {"id": "lead", "name": "Lead", "value": "lead", "actions": [
                 {"type": "wait", "id": "w2", "duration": "P2D"}]},
               {"id": "qualified", "name": "Qualified", "value": "marketingqualifiedlead", "actions": [
                 {"type": "wait", "id": "w3", "duration": "P3D"},
                 {"type": "go_to_end", "id": "win", "endId": "customer"}]},
               {"id": "opportunity", "name": "Opportunity", "value": "opportunity", "actions": [
                 {"type": "wait", "id": "w4", "duration": "P4D"},
                 {"type": "go_to_stage", "id": "back", "stageId": "qualified"}]}],
             "ends": [
               {"id": "customer", "name": "Customer", "kind": "goal", "value": "customer", "addToList": "customers"},
               {"id": "lost", "name": "Lost", "kind": "unsuccessful", "value": "other"}],
             "unenrollment": {"suppressionLists": ["unsubscribed"], "whenRemovedFromEligibilityLists": false,
                              "whenEndMatchedEarly": false}}""";

    /**
     * How many contacts the crowd has. Two thousand take over ten minutes through every handler on
     * the embedded stack — each enrollment and each move costs some forty table calls — too long
     * for every build, so a build moves 150 there; against an external emulator, whose commits
     * grow slower as its table grows, 24 already take about a minute.
     * {@code -Djourney.crowd=2000} runs two thousand.
     */
    private static final int CROWD = Integer.getInteger("journey.crowd", SharedStack.embedded() ? 150 : 24);
    /** Receives a queue may take in one go when the whole crowd moves at once. */
    private static final int RECEIVES = 200 + CROWD / 4;
    private static final List<String> MOVES = List.of("", "", "", "lead", "lead", "marketingqualifiedlead",
            "opportunity", "opportunity", "customer", "other", "evangelist", "unsubscribe");

    /**
     * The example journey, where taking an end's value reaches that end, and what seven contacts
     * did in it: Ada went from subscribed to lead, submitted the form and was qualified, so her
     * flow took her to the goal; Bob jumped to opportunity and, two weeks later, went back to
     * qualified and on to the goal; Cy, a lead, was lost; Dee unsubscribed; Gus is still
     * subscribed. Eve is on the list with a value of no stage, Fay on no list: neither enrolled.
     * Told once for the tests that read it, none of which changes it: it takes the handlers some
     * seconds here and near twenty against an emulator. Every wait of it is over once it is told,
     * so the clock moving on for another test moves nothing of it.
     */
    private LiveJourney story;

    @BeforeAll
    void tellTheStory() {
        story = tell();
    }

    private static LiveJourney tell() {
        ObjectNode journey = LiveJourney.example();
        ((ObjectNode) journey.get("unenrollment")).put("whenEndMatchedEarly", false);
        LiveJourney j = new LiveJourney("nurture", journey);
        for (String id : List.of("ada", "bob", "dee", "gus")) {
            j.eligible(id, null);
        }
        j.eligible("cy", "lead");
        j.eligible("eve", "evangelist");
        j.contact("fay", Map.of(LiveJourney.PROPERTY, "subscriber"));
        j.set("ada", "lead");
        j.s.activity("ada", "form_submitted", Map.of("form", "demo"));
        j.set("bob", "opportunity");
        j.set("cy", "other");
        j.s.join("unsubscribed", "dee");
        j.s.advance(Duration.ofDays(15));
        return j;
    }

    @Test
    @DisplayName("R-JRN-13 metrics: total enrollments, each end's count and share, each stage's paths and their "
            + "shares, eligible against enrolled, successful and unsuccessful conversion, and each contact's log")
    void R_JRN_13_metrics_andEachContactsLog_saySoWhatTheContactsDid() {
        LiveJourney j = story;

        JsonNode m = j.metrics();

        assertThat(m.get("journeyId").asText()).isEqualTo("nurture");
        assertThat(m.get("publishedVersion").asLong()).isEqualTo(j.view().at("/journey/publishedVersion").asLong());
        assertThat(List.of(m.get("eligible").asLong(), m.get("enrolled").asLong(), m.get("active").asLong(),
                m.get("unenrolled").asLong())).as("eligible, enrolled, active, unenrolled").containsExactly(6L, 5L, 1L, 1L);
        List<String> ends = new ArrayList<>();
        m.get("ends").forEach(e -> ends.add(e.get("endId").asText() + ":" + e.get("kind").asText() + "="
                + e.get("reached").asLong() + "/" + e.get("percent").asText()));
        assertThat(ends).containsExactly("customer:goal=2/40.0", "lost:unsuccessful=1/20.0");
        assertThat(LiveJourney.paths(m, "subscribed")).as("Ada, Bob, Dee, Gus")
                .containsExactly("stage:lead=1/25.0", "stage:opportunity=1/25.0", "left=1/25.0", "here=1/25.0");
        assertThat(LiveJourney.paths(m, "lead")).as("Ada, Cy").containsExactly("stage:qualified=1/50.0", "end:lost=1/50.0");
        assertThat(LiveJourney.paths(m, "qualified")).as("Ada, Bob").containsExactly("end:customer=2/100.0");
        assertThat(LiveJourney.paths(m, "opportunity")).as("Bob").containsExactly("stage:qualified=1/100.0");
        assertThat(m.get("stages")).extracting(s -> s.get("stageId").asText() + "=" + s.get("entered").asLong())
                .containsExactly("subscribed=4", "lead=2", "qualified=2", "opportunity=1");
        JsonNode p = m.get("performance");
        assertThat(List.of(p.get("eligible").asLong(), p.get("enrolled").asLong(), p.get("successful").asLong(),
                p.get("unsuccessful").asLong())).containsExactly(6L, 5L, 2L, 1L);
        assertThat(List.of(p.get("enrolledPercentOfEligible").asDouble(), p.get("successfulConversionPercent").asDouble(),
                p.get("unsuccessfulConversionPercent").asDouble())).containsExactly(83.3, 40.0, 20.0);

        JsonNode ada = j.api.get("/journeys/nurture/contacts/ada").expect(200).json();
        assertThat(ada.at("/enrollment/status").asText()).isEqualTo("COMPLETED");
        LiveJourney.assertLinesStartInOrder(j.logText("ada"),
                "~enter: entered stage 'subscribed': lifecyclestage is empty",
                "pause: waiting until",
                "~route:subscribed: lifecyclestage changed",
                "~route:subscribed: entered stage 'lead': lifecyclestage is 'lead'",
                "form: the awaited event happened",
                "qualify: ",
                "call: created task",
                "done: reached the goal end 'customer'; added to list 'customers'",
                "-: reached end 'customer'");
        List<String> dee = j.logText("dee");
        assertThat(dee.get(dee.size() - 1)).isEqualTo("-: on suppression list 'unsubscribed'");
        JsonNode firstPage = j.api.get("/journeys/nurture/contacts/ada?limit=3").expect(200).json().get("log");
        assertThat(firstPage.get("items")).as("paged").hasSize(3);
        assertThat(firstPage.get("nextCursor").isTextual()).isTrue();
        assertThat(j.api.get("/journeys/nurture/contacts/eve").status()).as("never enrolled").isEqualTo(404);
        assertThat(j.api.get("/journeys/nurture/contacts/nobody").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("R-JRN-14 views: a tree from the start stage, a go-to back as a link, and engagement paths to each "
            + "end, the goal's first, each node with its figures, as the metrics have them")
    void R_JRN_14_treeAndEngagementPaths_withTheMetricsFigures() {
        LiveJourney j = story;
        JsonNode m = j.metrics();

        JsonNode views = j.views();

        JsonNode tree = views.get("tree");
        assertThat(outline(tree)).as("the next stage, the go-tos, and the paths contacts took: Bob's to opportunity,"
                + " Cy's to lost").isEqualTo("stage:subscribed(stage:lead(stage:qualified(stage:opportunity("
                + "link:qualified,end:lost),end:customer),end:lost),link:opportunity)");
        assertThat(tree.has("count")).as("the root is entered, not reached along an edge").isFalse();
        assertThat(texts(tree.get("actions"))).containsExactly("send_assets", "wait");
        List<String> checked = new ArrayList<>();
        assertNodesAgreeWithMetrics(tree, null, m, new ArrayList<>(), checked);
        assertThat(checked).as("every node checked").hasSize(9);
        JsonNode goBack = tree.at("/children/0/children/0/children/0/children/0");
        assertThat(goBack.get("kind").asText() + ":" + goBack.get("id").asText() + "=" + goBack.get("count").asLong())
                .as("Bob went back from opportunity to qualified").isEqualTo("link:qualified=1");

        List<String> paths = new ArrayList<>();
        for (JsonNode path : views.get("engagementPaths")) {
            List<String> stages = new ArrayList<>();
            path.get("stages").forEach(st -> {
                stages.add(st.get("stageId").asText());
                assertThat(st.get("entered").asLong()).as(st.toString())
                        .isEqualTo(LiveJourney.stageFigures(m, st.get("stageId").asText()).get("entered").asLong());
            });
            JsonNode end = endFigures(m, path.get("endId").asText());
            assertThat(path.get("reached").asLong()).isEqualTo(end.get("reached").asLong());
            assertThat(path.get("percent").asDouble()).isEqualTo(end.get("percent").asDouble());
            assertThat(path.get("kind").asText()).isEqualTo(end.get("kind").asText());
            paths.add(path.get("endId").asText() + ":" + String.join(">", stages));
        }
        assertThat(paths).as("the goal first, each the shortest way there").containsExactly(
                "customer:subscribed>lead>qualified", "lost:subscribed>lead");
    }

    /** A tree as {@code kind:id(children…)}. */
    private static String outline(JsonNode node) {
        String self = node.get("kind").asText() + ":" + node.get("id").asText();
        if (!node.has("children") || node.get("children").isEmpty()) {
            return self;
        }
        List<String> children = new ArrayList<>();
        node.get("children").forEach(c -> children.add(outline(c)));
        return self + "(" + String.join(",", children) + ")";
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static JsonNode endFigures(JsonNode metrics, String endId) {
        for (JsonNode end : metrics.get("ends")) {
            if (end.get("endId").asText().equals(endId)) {
                return end;
            }
        }
        throw new AssertionError("no end " + endId + " in " + metrics);
    }

    /**
     * A stage node has its stage's entries; an end node the end's count; the edge into a node,
     * its parent stage's path to it — its count and share; each stage is drawn in full once, and a
     * link points to one drawn before it.
     */
    private static void assertNodesAgreeWithMetrics(JsonNode node, String parent, JsonNode metrics,
                                                    List<String> drawn, List<String> checked) {
        String id = node.get("id").asText();
        String kind = node.get("kind").asText();
        checked.add(kind + ":" + id);
        if (parent != null) {
            String to = (kind.equals("end") ? "end:" : "stage:") + id;
            JsonNode path = null;
            for (JsonNode p : LiveJourney.stageFigures(metrics, parent).get("paths")) {
                path = p.get("to").asText().equals(to) ? p : path;
            }
            assertThat(node.get("count").asLong()).as("%s -> %s", parent, to)
                    .isEqualTo(path == null ? 0 : path.get("count").asLong());
            assertThat(node.get("percent").asDouble()).as("%s -> %s", parent, to)
                    .isEqualTo(path == null ? 0.0 : path.get("percent").asDouble());
        }
        switch (kind) {
            case "link" -> assertThat(drawn).as("a link goes to a stage drawn before it").contains(id);
            case "end" -> assertThat(node.get("entered").asLong()).isEqualTo(endFigures(metrics, id).get("reached").asLong());
            default -> {
                assertThat(drawn).as("a stage is drawn in full once").doesNotContain(id);
                assertThat(node.get("entered").asLong()).as(id)
                        .isEqualTo(LiveJourney.stageFigures(metrics, id).get("entered").asLong());
                drawn.add(id);
                for (JsonNode child : node.get("children")) {
                    assertNodesAgreeWithMetrics(child, id, metrics, drawn, checked);
                }
            }
        }
    }

    @Test
    @DisplayName("R-JRN-13 done when: a crowd of contacts (2,000 on request) through a 4-stage journey with waits and "
            + "both kinds of ends: the metrics' counts equal those recomputed from the enrollment logs")
    void R_JRN_13_doneWhen_manyContacts_theMetricsEqualTheirEnrollmentLogs() {
        LiveJourney j = new LiveJourney("funnel", Json.tree(FUNNEL));
        Random random = new Random(20260302L);
        List<String> enrollable = new ArrayList<>();
        int eligible = importContacts(j, random, enrollable);
        j.api.as("ana").post("/journeys/funnel/publish", "{\"enrollExisting\": true, \"createStageReports\": false}")
                .expect(200);
        j.s.stack.drain(RECEIVES);
        moveAtRandom(j, random, enrollable, 1.0);
        advance(j, Duration.ofDays(2)); // the subscribed and lead waits end: those contacts stay in their stage
        moveAtRandom(j, random, enrollable, 0.3);
        advance(j, Duration.ofDays(5)); // qualified contacts reach the goal; opportunities go back to qualified
        advance(j, Duration.ofDays(4)); // and reach the goal in turn

        JsonNode metrics = j.metrics();
        Tally logs = Tally.of(j);

        assertThat(metrics.get("eligible").asLong()).isEqualTo(eligible);
        assertThat(logs.enrolled).as("publishing enrolled those that met the criteria").isEqualTo(enrollable.size());
        assertThat(Tally.ofMetrics(metrics)).isEqualTo(logs.counts);
        assertThat(List.of(metrics.get("active").asLong(), metrics.get("unenrolled").asLong()))
                .as("active, unenrolled").containsExactly(logs.active, logs.unenrolled);
        assertThat(logs.counts.keySet()).as("every way of moving was taken")
                .contains("end:customer", "end:lost", "qualified->end:customer", "opportunity->stage:qualified")
                .anyMatch(path -> path.endsWith("->left")).anyMatch(path -> path.endsWith("->here"))
                .anyMatch(path -> path.endsWith("->end:lost")).anyMatch(path -> path.startsWith("subscribed->stage:"));
        assertSharesAgreeWithCounts(metrics);
    }

    /** Each share is its count over what it is a share of, to a tenth of a percent. */
    private static void assertSharesAgreeWithCounts(JsonNode metrics) {
        long enrolled = metrics.get("enrolled").asLong();
        for (JsonNode end : metrics.get("ends")) {
            assertThat(end.get("percent").asDouble()).as(end.toString()).isEqualTo(share(end.get("reached").asLong(), enrolled));
        }
        for (JsonNode stage : metrics.get("stages")) {
            for (JsonNode path : stage.get("paths")) {
                assertThat(path.get("percent").asDouble()).as("%s %s", stage.get("stageId"), path)
                        .isEqualTo(share(path.get("count").asLong(), stage.get("entered").asLong()));
            }
        }
        JsonNode p = metrics.get("performance");
        assertThat(p.get("successfulConversionPercent").asDouble()).isEqualTo(share(p.get("successful").asLong(), enrolled));
        assertThat(p.get("unsuccessfulConversionPercent").asDouble())
                .isEqualTo(share(p.get("unsuccessful").asLong(), enrolled));
        assertThat(p.get("enrolledPercentOfEligible").asDouble()).isEqualTo(share(enrolled, p.get("eligible").asLong()));
    }

    private static double share(long part, long whole) {
        return Math.round(part * 1000.0 / whole) / 10.0;
    }

    /**
     * Writes the crowd straight to the table, in a few commits, as an import would: one API call
     * each would spend most of this test on what other tests prove already. Most are on the
     * eligibility list with an empty value or a stage's; some on it with a value of no stage
     * (eligible, not enrolled); some on no list.
     *
     * @param enrollable filled with the contacts publishing with "enroll existing" must enroll
     * @return how many are eligible
     */
    private static int importContacts(LiveJourney j, Random random, List<String> enrollable) {
        var writer = new DynamoDbTransactionalWriter(j.s.stack.clients().dynamoDb(), j.s.stack.resources().tableName());
        List<String> starts = List.of("", "", "", "subscriber", "lead", "marketingqualifiedlead", "opportunity");
        List<Write> batch = new ArrayList<>();
        int eligible = 0;
        for (int i = 0; i < CROWD; i++) {
            String id = String.format("c%04d", i);
            int kind = random.nextInt(25);
            String value = kind == 0 ? "evangelist" : starts.get(random.nextInt(starts.size()));
            var now = SharedStack.CLOCK.instant();
            batch.add(new Write.PutRecord(new CrmRecord(j.s.tenant, "contact", id, value.isEmpty() ? Map.of()
                    : Map.of(LiveJourney.PROPERTY, value), 1, now, now), 0));
            if (kind != 1) {
                batch.add(new Write.PutListMembership(j.s.tenant, "newsletter", new RecordRef("contact", id), true));
                eligible++;
                if (kind != 0) {
                    enrollable.add(id);
                }
            }
            if (batch.size() >= 30 || i == CROWD - 1) {
                writer.commit(List.copyOf(batch));
                batch.clear();
            }
        }
        return eligible;
    }

    /**
     * Gives each of a share of the enrolled contacts one random move, all before the handlers
     * run: a stage's value, an end's, a value of no stage, joining the suppression list, or none.
     */
    private static void moveAtRandom(LiveJourney j, Random random, List<String> contacts, double share) {
        for (String id : contacts) {
            if (random.nextDouble() >= share) {
                continue;
            }
            String move = MOVES.get(random.nextInt(MOVES.size()));
            if (move.equals("unsubscribe")) {
                j.api.put("/lists/unsubscribed/members/contact/" + id, null).expect(204);
            } else if (!move.isEmpty()) {
                j.api.patch("/records/contact/" + id, Json.write(Map.of("properties",
                        Map.of(LiveJourney.PROPERTY, move)))).expect(200);
            }
        }
        j.s.stack.drain(RECEIVES);
    }

    private static void advance(LiveJourney j, Duration by) {
        SharedStack.CLOCK.advance(by);
        j.s.stack.tick();
        j.s.stack.drain(RECEIVES);
    }

    /**
     * What the enrollment logs of a journey add up to, read line by line, oldest first, with the
     * stage each contact is in followed from line to line: counts named as the metrics name
     * them — {@code enrolled}, {@code end:E}, {@code stage:S}, {@code S->stage:T}, {@code S->end:E},
     * {@code S->left}, and {@code S->here} for a contact still in S.
     */
    private static final class Tally {
        private static final Pattern ENTERED = Pattern.compile("^entered stage '([^']+)'");
        private static final Pattern WENT_BACK = Pattern.compile("^went back to stage '([^']+)'");
        private static final Pattern REACHED = Pattern.compile("^reached the (?:goal|unsuccessful) end '([^']+)'");
        private static final Pattern LEAVES = Pattern.compile("leaves stage '([^']+)'");
        private static final String ROUTE_FROM = "~route:";
        final TreeMap<String, Long> counts = new TreeMap<>();
        long enrolled;
        long active;
        long unenrolled;

        static Tally of(LiveJourney j) {
            Tally tally = new Tally();
            for (JsonNode e : j.api.items("/journeys/" + j.id + "/enrollments?limit=200")) {
                List<JsonNode> lines = j.api.items("/enrollments/" + e.get("id").asText() + "/history?limit=200");
                lines.sort(java.util.Comparator.comparingLong(line -> line.get("index").asLong()));
                tally.add(lines);
                String status = e.get("status").asText();
                tally.active += List.of("ACTIVE", "WAITING", "AWAITING_EVENT").contains(status) ? 1 : 0;
                tally.unenrolled += status.equals("UNENROLLED") ? 1 : 0;
            }
            return tally;
        }

        private void add(List<JsonNode> lines) {
            String in = null;
            for (JsonNode line : lines) {
                String kind = line.get("kind").asText();
                String action = line.path("actionId").asText("");
                String detail = line.path("detail").asText("");
                String from = action.startsWith(ROUTE_FROM) ? action.substring(ROUTE_FROM.length()) : in;
                Matcher m;
                if (kind.equals("ENROLLED")) {
                    enrolled++;
                    count("enrolled");
                } else if (kind.equals("UNENROLLED") || kind.equals("FAILED")) {
                    if (in != null) {
                        count(in + "->left");
                    }
                    in = null;
                } else if ((m = LEAVES.matcher(detail)).find()) {
                    assertThat(m.group(1)).as("the stage a move leaves: %s", lines).isEqualTo(in);
                } else if ((m = ENTERED.matcher(detail)).find() || (m = WENT_BACK.matcher(detail)).find()) {
                    assertThat(from).as("where a contact comes from: %s", lines).isEqualTo(in);
                    if (from != null) {
                        count(from + "->stage:" + m.group(1));
                    }
                    count("stage:" + m.group(1));
                    in = m.group(1);
                } else if ((m = REACHED.matcher(detail)).find()) {
                    if (from != null) {
                        count(from + "->end:" + m.group(1));
                    }
                    count("end:" + m.group(1));
                    in = null;
                }
            }
            if (in != null) {
                count(in + "->here");
            }
        }

        private void count(String name) {
            counts.merge(name, 1L, Long::sum);
        }

        /** The same counts, as the metrics give them. */
        static TreeMap<String, Long> ofMetrics(JsonNode metrics) {
            TreeMap<String, Long> counts = new TreeMap<>();
            put(counts, "enrolled", metrics.get("enrolled").asLong());
            metrics.get("ends").forEach(end -> put(counts, "end:" + end.get("endId").asText(),
                    end.get("reached").asLong()));
            for (JsonNode stage : metrics.get("stages")) {
                String id = stage.get("stageId").asText();
                put(counts, "stage:" + id, stage.get("entered").asLong());
                for (JsonNode path : stage.get("paths")) {
                    put(counts, id + "->" + path.get("to").asText(), path.get("count").asLong());
                }
            }
            return counts;
        }

        private static void put(Map<String, Long> counts, String name, long count) {
            if (count > 0) {
                counts.put(name, count);
            }
        }
    }
}
