package io.crmflow.store;

import io.crmflow.engine.Backfill;
import io.crmflow.engine.Enrollment;
import io.crmflow.engine.HistoryEntry;
import io.crmflow.model.RecordRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads enrollments and their history; finds due steps. Writes go through {@link TransactionalWriter}. */
public interface EnrollmentStore {

    Optional<Enrollment> enrollment(String tenantId, String enrollmentId);

    /**
     * The enrollment with its workflow's current definition and its record, as a step reads them
     * before deciding: read together in one request where the store can (every step reads all
     * three), else through {@code definitions} and {@code records}, one after the other.
     */
    default StepStart stepStart(String tenantId, String enrollmentId, DefinitionStore definitions,
                                RecordStore records) {
        return enrollment(tenantId, enrollmentId).map(e -> new StepStart(Optional.of(e),
                definitions.workflow(tenantId, e.workflowId()), records.record(tenantId, e.record())))
                .orElse(StepStart.NOTHING);
    }

    /** The record's enrollment in a workflow, if it was ever enrolled. */
    Optional<Enrollment> enrollmentOf(String tenantId, String workflowId, RecordRef record);

    /** Newest first. */
    Page<HistoryEntry> history(String tenantId, String enrollmentId, String cursor, int limit);

    /** A workflow's enrollments, newest first. */
    Page<Enrollment> enrollmentsOf(String tenantId, String workflowId, String cursor, int limit);

    /** A workflow's counters by name ({@link Write.IncrementCounter}); counters never incremented are absent. */
    java.util.Map<String, Long> counters(String tenantId, String workflowId);

    /**
     * Non-terminal enrollments whose place in the due index — their {@code dueAt}, or the time
     * {@link #rearm} moved it to — is at or before {@code now} (to the millisecond), oldest
     * first, across tenants. {@link DueStep#dueAt()} is that place.
     */
    List<DueStep> dueSteps(Instant now, int limit);

    /**
     * Moves a due step's place in the due index to {@code newDue} and counts one more resend of
     * it ({@link DueStep#resends()}), only if the enrollment is still at {@code step.seq()}: the
     * sweeper calls it when it re-sends a step message, so the step is not re-sent every sweep.
     * The enrollment itself — its {@code dueAt}, its version — is untouched; the next write of
     * the enrollment puts it back in the index at its own {@code dueAt} with no resends.
     *
     * The re-arm applies only if the step is still where {@code step} saw it in the index, so a
     * stale index read or an overlapping sweep cannot re-arm (and count) it twice.
     *
     * @return false when the enrollment has moved on, or was re-armed since (nothing changed)
     */
    boolean rearm(DueStep step, Instant newDue);

    /**
     * Counts one failure of the enrollment's step {@code seq} — its message was dead-lettered
     * after failing every attempt — if the enrollment is still at that step. The sweeper gives
     * the step up after a few; a slow but healthy step is never counted.
     */
    void recordFailure(String tenantId, String enrollmentId, long seq);

    /** The workflow's latest backfill of existing records (R-WF-8); empty if it never had one. */
    Optional<Backfill> backfill(String tenantId, String workflowId);

    /**
     * Running backfills whose {@code dueAt} is at or before {@code now} (to the millisecond),
     * oldest first, across tenants: those whose page message is presumed lost, or held until then.
     */
    List<Backfill> dueBackfills(Instant now, int limit);
}
