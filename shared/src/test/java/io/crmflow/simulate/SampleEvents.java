package io.crmflow.simulate;

import io.crmflow.journey.JourneyExamples;
import io.crmflow.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded sample for backtesting at scale: contacts that are created, join the newsletter, move
 * through their lifecycle stages (most towards customer, some skipping to opportunity, some lost),
 * fill in the demo form, now and then unsubscribe, and otherwise open emails and change details —
 * one events file that both {@link #WORKFLOW} and the documented journey ({@link #journey()}) can
 * run over. The same seed always makes the same lines.
 */
public final class SampleEvents {
    /** Where the measurement's sample starts. */
    public static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    /** The lists and the user the sample's workflow and the documented journey name. */
    public static final String SETUP = """
            {"timezone": "Europe/Paris",
             "lists": [
               {"id": "newsletter", "name": "Newsletter", "objectType": "contact", "kind": "static"},
               {"id": "webinar", "name": "Webinar", "objectType": "contact", "kind": "static"},
               {"id": "customers", "name": "Customers", "objectType": "contact", "kind": "static"},
               {"id": "unsubscribed", "name": "Unsubscribed", "objectType": "contact", "kind": "static"}],
             "users": [{"id": "ana", "email": "ana@example.com", "name": "Ana"}]}""";

    /**
     * Qualified leads: marketable ones get an offer, wait three days, then either fill in the demo
     * form within five (tagged hot) or get a reminder; the others get a call task and a thank-you.
     * The goal is becoming a customer; the unsubscribed leave.
     */
    public static final String WORKFLOW = """
            {"id": "qualified-leads", "name": "Qualified leads", "objectType": "contact",
             "trigger": {"criteria": {"groups": [{"conditions": [
               {"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["marketingqualifiedlead"]}]}]}},
             "goal": {"criteria": {"groups": [{"conditions": [
               {"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["customer"]}]}]}},
             "unenrollment": {"suppressionLists": ["unsubscribed"]},
             "firstActionId": "route",
             "actions": [
               {"type": "branch", "id": "route", "next": "call",
                "paths": [{"name": "marketable", "next": "offer", "criteria": {"groups": [{"conditions": [
                  {"type": "property", "property": "hs_marketable_status", "operator": "eq", "values": ["true"]}]}]}}]},
               {"type": "send_email", "id": "offer", "kind": "marketing", "subject": "An offer for {{firstname|you}}",
                "body": "Ten percent off this week.", "next": "pause"},
               {"type": "delay", "id": "pause", "duration": "P3D", "next": "demo"},
               {"type": "wait_for_event", "id": "demo", "event": {"type": "activity", "activity": "form_submitted"},
                "timeout": "P5D", "next": "hot", "timeoutNext": "reminder"},
               {"type": "set_property", "id": "hot", "property": "jobtitle", "value": "Hot lead"},
               {"type": "send_email", "id": "reminder", "kind": "marketing", "subject": "Still interested, {{firstname|there}}?",
                "body": "The offer ends soon."},
               {"type": "create_task", "id": "call", "subject": "Call {{firstname}}", "dueIn": "P1D", "next": "thanks"},
               {"type": "send_email", "id": "thanks", "kind": "transactional", "subject": "Thanks, {{firstname|there}}",
                "body": "Someone will call you."}]}""";

    private static final String[] NAMES = {"Ada", "Bob", "Cy", "Di", "Eve", "Fay", "Gus", "Hal", "Ida", "Jo"};

    private final Random random;
    private final String emailTag;
    private final List<Line> lines = new ArrayList<>();
    private final Map<String, Instant> created = new java.util.HashMap<>();

    private record Line(Instant at, long order, String json) {
    }

    private final Instant start;

    private SampleEvents(long seed, String emailTag, Instant start) {
        this.random = new Random(seed);
        this.emailTag = emailTag;
        this.start = start;
    }

    /** The documented journey, under the id {@code nurture}. */
    public static String journey() {
        return JourneyExamples.NURTURE.replaceFirst("^\\{", "{\"id\": \"nurture\", ");
    }

    /**
     * About {@code events} lines (never fewer than the story of each contact needs) over
     * {@code contacts} contacts, in time order, the first a minute or more after {@code start}.
     *
     * @param emailTag put in every address ({@code c-1+tag@example.com}), so that two samples' mail can be told apart
     */
    public static List<String> lines(int contacts, int events, long seed, String emailTag, Instant start) {
        SampleEvents sample = new SampleEvents(seed, emailTag, start);
        for (int i = 1; i <= contacts; i++) {
            sample.story("c-" + i);
        }
        sample.noise(contacts, events - sample.lines.size());
        return sample.lines.stream().sorted(Comparator.comparing(Line::at).thenComparingLong(Line::order))
                .map(Line::json).toList();
    }

    /** One contact's life: created, perhaps on the newsletter, then through the lifecycle stages, perhaps lost. */
    private void story(String id) {
        Instant at = start.plus(minutes(20 * 24 * 60));
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("email", id + "+" + emailTag + "@example.com");
        properties.put("firstname", NAMES[random.nextInt(NAMES.length)]);
        properties.put("hs_marketable_status", String.valueOf(random.nextBoolean()));
        if (random.nextInt(3) == 0) {
            properties.put("phone", "+3360000" + String.format("%04d", random.nextInt(10_000)));
        }
        String stage = random.nextInt(5) == 0 ? null : random.nextInt(3) == 0 ? "lead" : "subscriber";
        if (stage != null) {
            properties.put("lifecyclestage", stage);
        }
        created.put(id, at);
        add(at, ordered("kind", "create", "objectType", "contact", "id", id, "properties", properties));
        if (random.nextInt(5) != 0) {
            add(at, membership("join", "newsletter", id));
        }
        for (String planned : List.of("lead", "marketingqualifiedlead", "customer")) {
            int fate = random.nextInt(10);
            if (fate < 3) {
                return;
            }
            Duration gap = minutes(4 * 24 * 60);
            if (random.nextInt(3) == 0) {
                add(at.plus(gap.dividedBy(2)), activity(id, "form_submitted", ordered("form", "demo")));
            }
            at = at.plus(gap);
            // Some skip ahead to an opportunity, some are lost on the way.
            String next = fate == 3 ? "other" : fate == 4 ? "opportunity" : planned;
            add(at, update(id, ordered("lifecyclestage", next)));
            if (random.nextInt(20) == 0) {
                add(at.plus(minutes(24 * 60)), membership("join", "unsubscribed", id));
            }
            if (next.equals("other")) {
                return;
            }
        }
    }

    /** Events that change nothing the workflow or journey look at, spread over the contacts' lives. */
    private void noise(int contacts, int count) {
        for (int n = 0; n < count; n++) {
            String id = "c-" + (1 + random.nextInt(contacts));
            Instant at = created.get(id).plus(minutes(10 * 24 * 60));
            add(at, random.nextBoolean() ? activity(id, "email_opened", ordered())
                    : update(id, ordered("jobtitle", "Title " + random.nextInt(100))));
        }
    }

    private static Map<String, Object> update(String id, Map<String, ?> properties) {
        return ordered("kind", "update", "objectType", "contact", "id", id, "properties", properties);
    }

    private static Map<String, Object> membership(String kind, String listId, String id) {
        return ordered("kind", kind, "listId", listId, "record", contact(id));
    }

    private static Map<String, Object> activity(String id, String type, Map<String, ?> attributes) {
        return ordered("kind", "activity", "record", contact(id), "activity", ordered("type", type,
                "actor", ordered("kind", "RECORD", "id", id), "attributes", attributes));
    }

    private static Map<String, Object> contact(String id) {
        return ordered("objectType", "contact", "id", id);
    }

    /** Keys in the order given, so the same seed writes the same text. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private void add(Instant at, Map<String, Object> event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("at", at.toString());
        line.putAll(event);
        lines.add(new Line(at, lines.size(), Json.write(line)));
    }

    /** A whole number of minutes up to {@code most}: sample times fall on the minute. */
    private Duration minutes(int most) {
        return Duration.ofMinutes(1 + random.nextInt(most));
    }
}
