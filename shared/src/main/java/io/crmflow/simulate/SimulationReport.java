package io.crmflow.simulate;

import io.crmflow.engine.JourneyMetrics;
import io.crmflow.model.RecordRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a workflow or a journey would have done over a file of events: who enrolled and how far
 * each got, how often each action was reached and each branch taken, what would have been sent
 * and when, who met the goal and who left early; for a journey, also its figures as
 * {@code GET /journeys/{id}/metrics} gives them. Nothing in it was sent. Immutable; written as
 * JSON by the project's one mapping, and as text by {@link ReportText}.
 *
 * @param counts  the figures {@code GET /workflows/{id}/metrics} gives (for a journey, of its workflow)
 * @param goal    the goal figures {@code GET /workflows/{id}/details} gives; null for a journey, whose
 *                goal is its goal ends ({@code journey})
 * @param goalMet the records that met a workflow's goal; empty for a journey
 * @param journey a journey's figures, as {@code GET /journeys/{id}/metrics} gives them; null for a workflow
 * @param refused the events the API would have refused (a record that does not exist, say), which changed nothing
 * @param failures messages a handler failed on, which a queue would have dead-lettered
 */
public record SimulationReport(Tested tested, Instant from, Instant until, long events, Map<String, Long> counts,
                               Map<String, Object> goal, List<Enrolled> enrolled, List<ActionFigures> actions,
                               List<BranchFigures> branches, List<Email> emails, List<Webhook> webhooks,
                               List<Text> texts, List<GoalMet> goalMet, List<Unenrolled> unenrolled,
                               JourneyMetrics journey, List<Refusal> refused, List<Failure> failures,
                               List<Timeline> timelines) {

    public SimulationReport {
        counts = Map.copyOf(counts);
        enrolled = List.copyOf(enrolled);
        actions = List.copyOf(actions);
        branches = List.copyOf(branches);
        emails = List.copyOf(emails);
        webhooks = List.copyOf(webhooks);
        texts = List.copyOf(texts);
        goalMet = List.copyOf(goalMet);
        unenrolled = List.copyOf(unenrolled);
        refused = List.copyOf(refused);
        failures = List.copyOf(failures);
        timelines = List.copyOf(timelines);
    }

    /** @param kind {@code workflow} or {@code journey} */
    public record Tested(String kind, String id, String name) {
    }

    /**
     * One record that enrolled.
     *
     * @param status where its enrollment ended up by the end of the run (COMPLETED, UNENROLLED, WAITING …)
     * @param path   the actions it reached, in order; a branch as {@code id→outcome}
     */
    public record Enrolled(RecordRef record, Instant at, String status, List<String> path) {
        public Enrolled {
            path = List.copyOf(path);
        }
    }

    /** How many enrollments reached one action (each counted once, however often it came back). */
    public record ActionFigures(String actionId, String type, long reached) {
    }

    /** How often each way out of a branch was taken. */
    public record BranchFigures(String actionId, List<Outcome> outcomes) {
        public BranchFigures {
            outcomes = List.copyOf(outcomes);
        }
    }

    /** @param outcome a path's name, a value matched, or {@code (none matched)} */
    public record Outcome(String outcome, long count) {
    }

    /** An email that would have gone out; {@code record} and {@code actionId} are the step's that sent it. */
    public record Email(Instant at, List<String> to, String subject, RecordRef record, String actionId) {
        public Email {
            to = List.copyOf(to);
        }
    }

    public record Webhook(Instant at, String url, RecordRef record, String actionId) {
    }

    /** @param channel {@code sms} or {@code whatsapp} */
    public record Text(Instant at, String channel, String to, String body, RecordRef record, String actionId) {
    }

    public record GoalMet(RecordRef record, Instant at) {
    }

    /** @param why the history's words: the suppression list, the criteria, the goal … */
    public record Unenrolled(RecordRef record, Instant at, String why) {
    }

    /** @param line the events file's line, from 1 */
    public record Refusal(long line, String problem) {
    }

    /** @param what the message that failed: a CRM event or a step */
    public record Failure(Instant at, String what, String why) {
    }

    /** One record's history in the workflow or journey, oldest first. */
    public record Timeline(RecordRef record, List<Line> lines) {
        public Timeline {
            lines = List.copyOf(lines);
        }
    }

    public record Line(Instant at, String kind, String actionId, String detail) {
    }
}
