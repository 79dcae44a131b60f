package io.crmflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer journey part of {@code --demo} (R-JRN-2..8, R-JRN-13, R-JRN-14): Ana publishes the
 * journey docs/journeys.md shows, three contacts on its eligibility list move through its stages
 * as their lifecycle stage changes — one to the goal, one matching an end early, one left in a
 * wait — and the journey's figures and engagement paths are read back. Runs after {@link Demo}
 * created the tenant.
 */
final class JourneyDemo {
    static final String JOURNEY = "nurture";
    /** The contacts of the story, in the order it introduces them. */
    static final List<String> CONTACTS = List.of("mia", "noah", "lea");
    /** The documented journey, word for word: a test holds the copy to the page. */
    static final String DEFINITION = resource("nurture-journey.json");

    private final LocalStack stack;
    private final DemoApi api;
    private final SettableClock clock;
    private final PrintStream out;
    /** The journey's published version as the API returns it, once {@link #setUp} published it. */
    private JsonNode published;

    JourneyDemo(LocalStack stack, DemoApi api, SettableClock clock, PrintStream out) {
        this.stack = stack;
        this.api = api;
        this.clock = clock;
        this.out = out;
    }

    void run() {
        say("");
        say("— Customer journey —");
        setUp();
        enroll();
        dayOne();
        dayThree();
        var readout = new JourneyDemoReadout(api, stack.mailbox(), stack.texts(), out);
        readout.printPaths(CONTACTS);
        readout.printMail(CONTACTS);
        readout.printTexts();
        readout.printMetrics();
        readout.printEngagementPaths();
    }

    /** The lists and the user the journey names, then the journey itself, published. */
    private void setUp() {
        for (String list : List.of("newsletter", "customers", "unsubscribed")) {
            api.call("PUT", "/lists/" + list, "{\"name\":\"" + list + "\",\"objectType\":\"contact\",\"kind\":\"static\"}");
        }
        api.call("PUT", "/users/ana", "{\"email\":\"ana@example.com\",\"name\":\"Ana\"}");
        String withId = DEFINITION.replaceFirst("^\\{", "{\"id\": \"" + JOURNEY + "\", ");
        api.call("POST", "/journeys", withId, "ana");
        api.call("POST", "/journeys/" + JOURNEY + "/publish", "{\"enrollExisting\":false,\"createStageReports\":true}",
                "ana");
        published = api.call("GET", "/journeys/" + JOURNEY, null).get("published");
        say("Ana created and published the journey '" + published.get("name").asText() + "' on "
                + published.get("property").asText() + ", for contacts on the list 'newsletter':");
        published.get("stages").forEach(s -> say("  stage " + s.get("name").asText() + " (" + s.get("value").asText()
                + "): " + String.join(", ", types(s.get("actions")))));
        published.get("ends").forEach(e -> say("  end " + e.get("name").asText() + " (" + e.get("value").asText()
                + ", " + e.get("kind").asText() + (e.hasNonNull("addToList") ? ", adds to list '"
                + e.get("addToList").asText() + "'" : "") + ")"));
        say("  A contact whose lifecycle stage takes an end's value before a flow leads it there leaves the journey.");
    }

    /** Three contacts join the eligibility list: an empty lifecycle stage and the start stage's value both enroll. */
    private void enroll() {
        contact("mia", "Mia", null);
        contact("noah", "Noah", "subscriber");
        contact("lea", "Lea", "subscriber");
        stack.drain();
        CONTACTS.forEach(c -> api.call("PUT", "/lists/newsletter/members/contact/" + c, null));
        stack.drain();
        say("");
        say("Mia (no lifecycle stage yet), Noah and Lea (subscribers) joined the list 'newsletter'. Where they are:");
        printWhereTheyAre();
    }

    /** A change of the property moves a contact out of its wait: to the next stage, or out at an end matched early. */
    private void dayOne() {
        later(Duration.ofDays(1));
        setStage("mia", "lead");
        setStage("noah", "customer");
        say("");
        say("A day later Sam made Mia a lead, and Noah a customer straight away (before the journey led him there):");
        printWhereTheyAre();
    }

    /** Mia's form leads her through the qualified stage to the goal; Lea stays in her stage, then moves to a wait. */
    private void dayThree() {
        later(Duration.ofDays(2));
        api.call("POST", "/events", """
                {"record":{"objectType":"contact","id":"mia"},
                 "activity":{"type":"form_submitted","actor":{"kind":"RECORD","id":"mia"},"attributes":{"form":"demo"}}}""");
        stack.drain();
        say("");
        say("Two days later Mia submitted the form 'demo'; Lea's two days in Subscribed are over, and she stays there:");
        printWhereTheyAre();
        setStage("lea", "opportunity");
        say("");
        say("Then Sam made Lea an opportunity:");
        printWhereTheyAre();
    }

    private void setStage(String contact, String value) {
        api.call("PATCH", "/records/contact/" + contact, "{\"properties\":{\"lifecyclestage\":\"" + value + "\"}}",
                "sam");
        stack.drain();
    }

    private void contact(String id, String firstName, String stage) {
        Map<String, String> properties = new HashMap<>(Map.of("email", id + "@example.com", "firstname",
                firstName, "phone", "+33612345678", "hs_marketable_status", "true"));
        if (stage != null) {
            properties.put("lifecyclestage", stage);
        }
        api.call("POST", "/records/contact", Json.write(Map.of("id", id, "properties", properties)));
    }

    /** Moves the demo's clock, then lets the timer and the handlers do what became due. */
    private void later(Duration by) {
        clock.advance(by);
        stack.tick();
        stack.drain();
    }

    /** Each contact's enrollment as a person reads it: the stage its lifecycle stage puts it in, and what it waits for. */
    private void printWhereTheyAre() {
        for (String c : CONTACTS) {
            JsonNode e = api.call("GET", path("/contacts/" + c), null).get("enrollment");
            String value = api.call("GET", "/records/contact/" + c, null).at("/properties/lifecyclestage").asText("");
            String status = e.get("status").asText();
            String next = e.path("cursor").asText("");
            String shown = "(lifecycle stage " + (value.isEmpty() ? "empty" : value) + ")";
            say("  " + c + ": " + switch (status) {
                case "WAITING" -> "in stage " + stageName(value) + " " + shown + ", waiting until "
                        + JourneyDemoReadout.time(e.get("dueAt")) + (next.startsWith("~") ? "" : ", then '" + next + "'");
                case "AWAITING_EVENT" -> "in stage " + stageName(value) + " " + shown + (e.hasNonNull("dueAt")
                        ? ", waiting at '" + next + "' for an activity, until " + JourneyDemoReadout.time(e.get("dueAt"))
                        : ", its flow done: stays until its lifecycle stage changes");
                default -> status + " " + shown;
            });
        }
    }

    /** The stage a value leads to; an empty value, to the start stage, as this journey enrolls such contacts. */
    private String stageName(String value) {
        for (JsonNode stage : published.get("stages")) {
            if (value.isEmpty() || stage.get("value").asText().equals(value)) {
                return stage.get("name").asText();
            }
        }
        return "(none)";
    }

    private static String path(String rest) {
        return "/journeys/" + JOURNEY + rest;
    }

    private static List<String> types(JsonNode actions) {
        List<String> out = new ArrayList<>();
        actions.forEach(a -> out.add(a.get("type").asText()));
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = JourneyDemo.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the local module's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void say(String line) {
        out.println(line);
    }
}
