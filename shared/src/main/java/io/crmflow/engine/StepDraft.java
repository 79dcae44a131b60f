package io.crmflow.engine;

import io.crmflow.engine.HistoryEntry.Kind;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.Origin;
import io.crmflow.store.Write;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Accumulates one step's decision: its writes, history lines and events. Not thread-safe; one per step. */
final class StepDraft {
    private final Duration watchdog;

    final Enrollment e;
    final Instant now;
    final List<Write> writes = new ArrayList<>();
    final List<HistoryEntry> history = new ArrayList<>();
    final List<CrmEvent> events = new ArrayList<>();

    StepDraft(Enrollment e, Instant now, Duration watchdog) {
        this.watchdog = watchdog;
        this.e = e;
        this.now = now;
    }

    String eventId(int n) {
        return StepIds.event(e.id(), e.seq(), n);
    }

    void log(Kind kind, String actionId, String detail) {
        history.add(new HistoryEntry(e.id(), e.historySize() + history.size(), now, kind, actionId, detail));
    }

    /**
     * Changes {@code record} (as read) to {@code values} in this step's commit, with its stage
     * history and event {@code eventIndex}.
     *
     * @return the record as changed; empty when it had those values already
     */
    Optional<CrmRecord> change(CrmRecord record, Map<String, String> values, Origin origin, int eventIndex) {
        return RecordWrites.change(record, values, origin, eventId(eventIndex), now, watchdog).map(this::add);
    }

    /** Creates a record in this step's commit, with its stage history and event {@code eventIndex}. */
    CrmRecord create(String tenantId, String objectType, String id, Map<String, String> values, Origin origin,
                     int eventIndex) {
        return add(RecordWrites.created(tenantId, objectType, id, values, origin, eventId(eventIndex), now, watchdog));
    }

    private CrmRecord add(RecordWrites.Written<?> written) {
        writes.addAll(written.writes());
        events.add(written.event());
        return written.record();
    }

    void emit(CrmEvent event) {
        events.add(event);
        writes.add(new Write.EnqueueEvent(event, now.plus(watchdog)));
    }

    StepDecision moveTo(String nextActionId) {
        if (nextActionId == null) {
            return finish(EnrollmentStatus.COMPLETED, Kind.COMPLETED, "all actions done");
        }
        return decision(e.advance(EnrollmentStatus.ACTIVE, nextActionId, now.plus(watchdog), now, history.size()));
    }

    StepDecision waitUntil(String nextActionId, Instant until) {
        return decision(e.advance(EnrollmentStatus.WAITING, nextActionId, until, now, history.size()));
    }

    /** Waits at {@code waitActionId} for its event, until {@code timeoutAt} at the latest. */
    StepDecision awaitEvent(String waitActionId, Instant timeoutAt) {
        return decision(e.advance(EnrollmentStatus.AWAITING_EVENT, waitActionId, timeoutAt, now, history.size()));
    }

    StepDecision finish(EnrollmentStatus status, Kind kind, String detail) {
        log(kind, null, detail);
        if (status == EnrollmentStatus.COMPLETED) {
            // "Completed workflow X" is an event other workflows may start on (R-WF-2).
            emit(new CrmEvent.WorkflowMilestone(eventId(99), e.tenantId(), e.record(), now,
                    io.crmflow.model.Origin.workflow(e.workflowId()), e.workflowId(),
                    CrmEvent.WorkflowMilestone.Milestone.COMPLETED));
        }
        return decision(e.advance(status, null, null, now, history.size()));
    }

    private StepDecision decision(Enrollment next) {
        return new StepDecision(next, writes, history, events, null);
    }
}
