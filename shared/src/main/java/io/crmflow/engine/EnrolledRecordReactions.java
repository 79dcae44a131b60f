package io.crmflow.engine;

import io.crmflow.definition.Action;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.HistoryEntry.Kind;
import io.crmflow.engine.UnenrollmentRules.Leave;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import io.crmflow.store.ConflictException;
import io.crmflow.store.EnrollmentSlot;
import io.crmflow.store.RecordView;
import io.crmflow.store.WorkflowMark;
import io.crmflow.store.Write;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an event about a record means for the workflows it is, or was, enrolled in — at once,
 * not at its next step: it leaves those whose suppression list it joined, whose unenrollment
 * criteria or goal it meets, also during a wait (R-WF-7, R-WF-11); a wait for this event ends
 * (R-WF-4); a journey contact whose property changed moves (R-JRN-4, {@link JourneyMoves}); and a goal
 * met after the workflow ended still counts (seed 004). Thread-safe.
 */
final class EnrolledRecordReactions {
    private static final int ATTEMPTS = 3;
    private final Ports ports;
    private final EngineSettings settings;
    private final EventPublisher publisher;
    private final JourneyMoves journeyMoves;

    EnrolledRecordReactions(Ports ports, EngineSettings settings, EventPublisher publisher) {
        this.ports = ports;
        this.settings = settings;
        this.publisher = publisher;
        this.journeyMoves = new JourneyMoves(ports, settings, publisher);
    }

    void afterChange(CrmEvent event, RecordView view, RecordFilterContext context, TriggeredWorkflows triggered,
                     Instant now) {
        // The trigger index already holds the definitions of most workflows a record is in;
        // only the others (manual-only, switched off) cost a read.
        String tenantId = view.record().tenantId();
        for (String workflowId : view.enrolledWorkflows()) {
            EnrollmentSlot slot = view.slots().get(workflowId);
            Optional<WorkflowDefinition> found = triggered.byId(workflowId)
                    .or(() -> ports.definitions().workflow(tenantId, workflowId));
            if (found.isEmpty()) {
                continue;
            }
            WorkflowDefinition wf = found.get();
            if (slot.live()) {
                Optional<Leave> leave = UnenrollmentRules.reasonToLeave(wf, context);
                if (leave.isPresent()) {
                    unenroll(wf, view, leave.get(), now);
                } else if (JourneyMoves.moves(wf, event, view)) {
                    journeyMoves.move(wf, slot, event, now);
                } else {
                    endWaitFor(event, wf, slot, context, now);
                }
            } else if (!wf.goal().isEmpty() && view.mark(wf.id(), WorkflowMark.Kind.GOAL_MET).isEmpty()
                    && Goals.met(wf, context)) {
                markGoalMetAfterEnd(wf, view, now);
            }
        }
    }

    /** "Unenroll from workflows" asked by another workflow's action: the record leaves those it is under way in. */
    void unenrollRequested(CrmEvent.UnenrollmentRequested request, RecordView view, Instant now) {
        String by = request.origin().kind() == Origin.Kind.WORKFLOW ? "workflow '" + request.origin().id() + "'" : "a request";
        for (String workflowId : request.workflowIds()) {
            EnrollmentSlot slot = view.slots().get(workflowId);
            if (slot == null || !slot.live()) {
                continue;
            }
            ports.definitions().workflow(view.record().tenantId(), workflowId).ifPresent(wf -> unenroll(wf, view,
                    new Leave(UnenrollmentRules.Cause.WORKFLOW_ACTION, "unenrolled by an action of " + by), now));
        }
    }

    /** Retried on a conflict: a step may have moved the enrollment into a long wait meanwhile. */
    private void unenroll(WorkflowDefinition wf, RecordView view, Leave leave, Instant now) {
        RecordRef record = view.record().ref();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            var live = ports.enrollments().enrollmentOf(wf.tenantId(), wf.id(), record).filter(e -> !e.status().terminal());
            if (live.isEmpty() || unenroll(live.get(), wf, view, leave, now)) {
                return;
            }
        }
    }

    private boolean unenroll(Enrollment e, WorkflowDefinition wf, RecordView view, Leave leave, Instant now) {
        Enrollment left = e.advance(EnrollmentStatus.UNENROLLED, null, null, now, 1);
        List<Write> writes = new ArrayList<>(List.of(new Write.PutEnrollment(left, e.version()),
                new Write.AppendHistory(e.tenantId(), new HistoryEntry(e.id(), e.historySize(), now, Kind.UNENROLLED,
                        null, leave.why())),
                WorkflowCounters.ended(left), WorkflowCounters.unenrolledBy(left, leave.cause())));
        JourneyCounters.leftFrom(wf, e).ifPresent(writes::add);
        List<CrmEvent> events = new ArrayList<>();
        if (leave.cause() == UnenrollmentRules.Cause.GOAL) {
            writes.addAll(Goals.onMet(wf, view, StepIds.event(e.id(), e.seq(), 0), e.id(), now, events));
        }
        events.forEach(ev -> writes.add(new Write.EnqueueEvent(ev, now.plus(settings.watchdog()))));
        try {
            ports.writer().commit(writes);
        } catch (ConflictException movedOn) {
            return false;
        }
        publisher.publishCommitted(events);
        return true;
    }

    /** A record waiting for this event goes on along the "it happened" path. */
    private void endWaitFor(CrmEvent event, WorkflowDefinition wf, EnrollmentSlot slot, RecordFilterContext context,
                            Instant now) {
        List<Action.WaitForEvent> waits = wf.actions().stream()
                .filter(a -> a instanceof Action.WaitForEvent).map(a -> (Action.WaitForEvent) a)
                .filter(w -> w.event() != null && TriggerEvents.matches(w.event(), event, context)).toList();
        if (waits.isEmpty()) {
            return;
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Enrollment> found = ports.enrollments().enrollment(wf.tenantId(), slot.enrollmentId())
                    .filter(e -> e.status() == EnrollmentStatus.AWAITING_EVENT);
            Optional<Action.WaitForEvent> at = found.flatMap(e -> waits.stream()
                    .filter(w -> w.id().equals(e.cursor())).findFirst());
            if (at.isEmpty()) {
                return;
            }
            Enrollment e = found.get();
            var step = new StepDraft(e, now, settings.watchdog());
            step.log(Kind.WAIT_ENDED, at.get().id(), "the awaited event happened: " + event.detailType() + " "
                    + event.eventId());
            StepDecision d = step.moveTo(at.get().next());
            try {
                ports.writer().commit(d.commitFrom(e, d.history()));
            } catch (ConflictException movedOn) {
                continue; // the timeout step, or another event, got there first: look again
            }
            publisher.publishCommitted(d.events());
            if (d.next().status() == EnrollmentStatus.ACTIVE) {
                ports.steps().send(List.of(d.next().stepMessage()));
            }
            return;
        }
    }

    /** A contact may meet the goal any time after it finished the workflow too (seed 004); it counts once. */
    private void markGoalMetAfterEnd(WorkflowDefinition wf, RecordView view, Instant now) {
        List<CrmEvent> events = new ArrayList<>();
        String about = Enrollment.idFor(wf.id(), view.record().ref());
        List<Write> writes = new ArrayList<>(Goals.onMet(wf, view, StepIds.event(about + "~goal", 0, 0), about, now,
                events));
        events.forEach(ev -> writes.add(new Write.EnqueueEvent(ev, now.plus(settings.watchdog()))));
        try {
            ports.writer().commit(writes);
        } catch (ConflictException metAlready) {
            return; // a racing handler marked it first
        }
        publisher.publishCommitted(events);
    }
}
