package io.crmflow.engine;

import io.crmflow.model.RecordRef;
import java.time.Instant;

/**
 * One record travelling through one workflow. Immutable; every step produces the next value
 * with {@code version + 1} and is written with a condition on the previous version, so two
 * handlers can never both advance the same enrollment.
 *
 * @param cursor      the id of the action to run next; null once terminal
 * @param seq         the step number the next step message must carry; a message with another
 *                    number is stale or duplicate and is dropped
 * @param dueAt       when the next step is due (the wait's end, or a watchdog time for an
 *                    immediate step whose message may have been lost); null once terminal
 * @param historySize number of history entries so far; the next entry gets this index
 */
public record Enrollment(String tenantId, String id, String workflowId, long workflowVersion, RecordRef record,
                         EnrollmentStatus status, String cursor, long seq, Instant dueAt, Instant enrolledAt,
                         Instant updatedAt, long historySize, long version) {

    /**
     * Deterministic so that a redelivered trigger event finds the enrollment it already made.
     * '~' cannot occur in workflow ids, type names or record ids, so distinct pairs never share
     * an id (with '.', workflow "w" and contact "contact.x" would meet workflow "w.contact" and
     * contact "x").
     */
    public static String idFor(String workflowId, RecordRef record) {
        return workflowId + "~" + record.objectType() + "~" + record.id();
    }

    /** The workflow and the record an enrollment id names. */
    public record Named(String workflowId, RecordRef record) {
    }

    /**
     * What an id made by {@link #idFor} names — also with the {@code ~n} a re-enrollment adds —
     * before the enrollment is read; empty for an id of any other form.
     */
    public static java.util.Optional<Named> named(String enrollmentId) {
        String[] parts = enrollmentId.split("~", -1);
        if (parts.length < 3 || parts.length > 4 || java.util.Arrays.stream(parts).anyMatch(String::isEmpty)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new Named(parts[0], new RecordRef(parts[1], parts[2])));
        } catch (IllegalArgumentException notARecord) {
            return java.util.Optional.empty();
        }
    }

    public Enrollment advance(EnrollmentStatus nextStatus, String nextCursor, Instant nextDue, Instant now,
                              int historyAdded) {
        return new Enrollment(tenantId, id, workflowId, workflowVersion, record, nextStatus, nextCursor, seq + 1,
                nextStatus.terminal() ? null : nextDue, enrolledAt, now, historySize + historyAdded, version + 1);
    }

    /** The same step, due again at {@code until}: a switched-off workflow holds it this way. */
    public Enrollment heldUntil(Instant until, Instant now) {
        return new Enrollment(tenantId, id, workflowId, workflowVersion, record, status, cursor, seq, until, enrolledAt,
                now, historySize, version + 1);
    }

    /** The same state with {@code lines} more history lines, for a line written after the fact. */
    public Enrollment withHistoryAdded(int lines, Instant now) {
        return new Enrollment(tenantId, id, workflowId, workflowVersion, record, status, cursor, seq, dueAt, enrolledAt,
                now, historySize + lines, version + 1);
    }

    public StepMessage stepMessage() {
        return new StepMessage(tenantId, id, seq);
    }
}
