package io.crmflow.engine;

import java.time.Instant;

/**
 * One line of an enrollment's history (R-WF-10). Entries are append-only and numbered from 0.
 *
 * @param actionId the action concerned, or null for enrollment-level entries
 */
public record HistoryEntry(String enrollmentId, long index, Instant at, Kind kind, String actionId, String detail) {
    public enum Kind {
        ENROLLED,
        ACTION_EXECUTED,
        ACTION_SKIPPED,
        BRANCH_TAKEN,
        WAIT_STARTED,
        WAIT_ENDED,
        UNENROLLED,
        COMPLETED,
        FAILED
    }
}
