package io.crmflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@link JourneyDemo} reads back once its contacts have moved: each contact's log, the
 * mail the journey sent, the journey's metrics and its engagement paths — each through the
 * route a person would call, printed so that it can be followed.
 */
final class JourneyDemoReadout {
    private final DemoApi api;
    private final Mailbox mailbox;
    private final TextOutbox texts;
    private final PrintStream out;

    JourneyDemoReadout(DemoApi api, Mailbox mailbox, TextOutbox texts, PrintStream out) {
        this.api = api;
        this.mailbox = mailbox;
        this.texts = texts;
        this.out = out;
    }

    /** Each contact's log from {@code GET /journeys/{id}/contacts/{contactId}}, which is newest first, told oldest first. */
    void printPaths(List<String> contacts) {
        for (String c : contacts) {
            JsonNode log = api.call("GET", path("/contacts/" + c + "?limit=200"), null).at("/log/items");
            say("");
            say(c + "'s path through the journey (oldest first):");
            for (int i = log.size() - 1; i >= 0; i--) {
                JsonNode h = log.get(i);
                say("  " + time(h.get("at")) + "  " + String.format("%-15s", h.get("kind").asText())
                        + (h.hasNonNull("actionId") ? " [" + h.get("actionId").asText() + "]" : "") + " "
                        + h.get("detail").asText());
            }
        }
    }

    /** The mail to the contacts and to Ana, whom the qualified stage notifies, oldest first. */
    void printMail(List<String> contacts) {
        say("");
        say("Emails to them and to Ana:");
        List<String> to = new ArrayList<>(contacts.stream().map(c -> c + "@example.com").toList());
        to.add("ana@example.com");
        mailbox.sent().stream().filter(m -> m.to().stream().anyMatch(to::contains))
                .forEach(m -> say("  to " + String.join(", ", m.to()) + " — \"" + m.subject() + "\": "
                        + m.body().strip()));
        say("  ('Welcome aboard' is the email of the workflow 'Customer welcome' from the start of the demo: it"
                + " enrolls whoever becomes a customer, and sends a day later.)");
    }

    /** The SMS and WhatsApp messages the journey asked for, in the order asked. */
    void printTexts() {
        say("");
        say("SMS and WhatsApp messages asked for (no provider takes them locally; a deployment routes"
                + " text.requested to its own):");
        texts.requested().stream().filter(t -> t.text().tenantId().equals(DemoApi.TENANT)).forEach(t -> say("  "
                + t.text().channel().name().toLowerCase(Locale.ROOT) + " to " + t.text().to() + ": "
                + t.text().body()));
    }

    /** {@code GET /journeys/{id}/metrics}: enrollments, ends, where each stage's contacts went. */
    void printMetrics() {
        JsonNode m = api.call("GET", path("/metrics"), null);
        say("");
        say("The journey's metrics: " + m.get("eligible").asLong() + " eligible, " + m.get("enrolled").asLong()
                + " enrolled, " + m.get("active").asLong() + " still in it, " + m.get("unenrolled").asLong()
                + " left early.");
        m.get("ends").forEach(e -> say("  end " + e.get("name").asText() + " (" + e.get("kind").asText() + "): "
                + e.get("reached").asLong() + " reached, " + percent(e.get("percent")) + " of enrollments"));
        for (JsonNode s : m.get("stages")) {
            List<String> paths = new ArrayList<>();
            s.get("paths").forEach(p -> paths.add(p.get("to").asText() + " " + p.get("count").asLong() + " ("
                    + percent(p.get("percent")) + ")"));
            say("  stage " + s.get("name").asText() + ": entered " + s.get("entered").asLong()
                    + (paths.isEmpty() ? "" : "; then " + String.join(", ", paths)));
        }
        JsonNode p = m.get("performance");
        say("  performance: " + percent(p.get("enrolledPercentOfEligible")) + " of eligible contacts enrolled; "
                + percent(p.get("successfulConversionPercent")) + " converted to the goal, "
                + percent(p.get("unsuccessfulConversionPercent")) + " to an unsuccessful end");
    }

    /** The engagement paths of {@code GET /journeys/{id}/views}: the stages from the start to each end, with their entries. */
    void printEngagementPaths() {
        say("");
        say("Engagement paths (how many entered each stage on the way to each end):");
        for (JsonNode path : api.call("GET", path("/views"), null).get("engagementPaths")) {
            List<String> steps = new ArrayList<>();
            path.get("stages").forEach(s -> steps.add(s.get("name").asText() + " " + s.get("entered").asLong()));
            say("  to the " + path.get("kind").asText() + " end " + path.get("name").asText() + ": "
                    + String.join(" → ", steps) + " → reached by " + path.get("reached").asLong() + " ("
                    + percent(path.get("percent")) + " of enrollments)");
        }
    }

    /** An instant as a person reads it in the demo's output: the day and the minute, UTC. */
    static String time(JsonNode instant) {
        return instant.asText().replace('T', ' ').replaceFirst(":\\d\\d(\\.\\d+)?Z$", "");
    }

    private static String path(String rest) {
        return "/journeys/" + JourneyDemo.JOURNEY + rest;
    }

    private static String percent(JsonNode share) {
        return share == null || share.isNull() ? "n/a" : share.asText() + "%";
    }

    private void say(String line) {
        out.println(line);
    }
}
