package io.crmflow.engine;

import io.crmflow.definition.Action;
import io.crmflow.definition.JourneyNodes;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.HistoryEntry.Kind;
import io.crmflow.filter.FilterContext;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.ObjectType;
import io.crmflow.model.StandardObjectTypes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import io.crmflow.model.CrmEvent;
import java.util.function.Supplier;

/**
 * Decides one step of an enrollment: pure, no I/O, time and state passed in. The one place
 * that dispatches on the {@link Action} family. Ids of what a step creates (task ids, event
 * ids) derive from the enrollment and step number, so deciding the same step twice yields the
 * same writes and the table's conditions turn a repeat into a no-op.
 */
final class StepDecider {
    private final Duration watchdog;

    StepDecider(Duration watchdog) {
        this.watchdog = watchdog;
    }

    StepDecision decide(Enrollment e, WorkflowDefinition wf, CrmRecord record, ObjectType schema, Instant now,
                        StepInputs in) {
        var step = new StepDraft(e, now, watchdog);
        if (e.status() == EnrollmentStatus.WAITING) {
            step.log(Kind.WAIT_ENDED, e.cursor(), "wait ended");
        }
        if (e.cursor() == null) {
            return step.finish(EnrollmentStatus.COMPLETED, Kind.COMPLETED, "all actions done");
        }
        var action = wf.action(e.cursor());
        if (action.isEmpty()) {
            var deleted = RemovedActions.follow(wf, e.cursor());
            return deleted.isPresent() ? RemovedActions.goOn(step, deleted.get()) : step.finish(EnrollmentStatus.FAILED, Kind.FAILED,
                    "action '" + e.cursor() + "' no longer exists in workflow '" + wf.id() + "'");
        }
        if (UnenrollmentRules.any(wf)) {
            var leave = UnenrollmentRules.reasonToLeave(wf, in.filters().get());
            if (leave.isPresent()) {
                return leaveEarly(step, wf, in.filters().get(), leave.get());
            }
        }
        // Java 17 has no pattern switch; the sealed family keeps this chain complete.
        Action a = action.get();
        if (wf.window() != null && runsInWindow(a) && !wf.window().isOpen(now, in.zone().get())) {
            Instant opening = wf.window().nextOpening(now, in.zone().get());
            step.log(Kind.WAIT_STARTED, a.id(), "outside the workflow's execution window: waiting until it opens at "
                    + opening);
            return step.waitUntil(a.id(), opening);
        }
        return act(a, step, wf, record, schema, in);
    }

    private StepDecision act(Action a, StepDraft step, WorkflowDefinition wf, CrmRecord record, ObjectType schema,
                             StepInputs in) {
        Enrollment e = step.e;
        Instant now = step.now;
        Supplier<RecordFilterContext> filters = in.filters();
        Supplier<ZoneId> zone = in.zone();
        if (a instanceof Action.SetProperty set && set.on() != null) {
            return RecordActions.setPropertyOnAssociated(step, set, wf, filters.get().associated(set.on()),
                    filters.get().schemaOf(set.on()));
        } else if (a instanceof Action.SetProperty set) {
            return RecordActions.setProperty(step, set, wf, record, schema);
        } else if (a instanceof Action.CreateTask task) {
            return RecordActions.createTask(step, task, record);
        } else if (a instanceof Action.SendEmail send && StandardObjectTypes.TICKET.equals(wf.objectType())) {
            return TicketContactEmails.send(step, send, record, filters.get().associated(StandardObjectTypes.CONTACT),
                    in.templates());
        } else if (a instanceof Action.SendEmail send) {
            StepDecision d = RecordActions.sendEmail(step, send, record);
            if (send.kind() == Action.EmailKind.MARKETING && d.effect() instanceof OutsideEffect.Email mail) {
                // Counted for the goal's conversion rate only once the provider took it (R-WF-12).
                return d.withEffect(new OutsideEffect.Email(mail.email(),
                        Goals.onMarketingEmailed(wf, filters.get().view(), e.id(), now)));
            }
            return d;
        } else if (a instanceof Action.Delay wait) {
            return WaitActions.delay(step, wait);
        } else if (a instanceof Action.CreateRecord create) {
            return RecordActions.createRecord(step, create, record, in.schemaOf().apply(create.objectType()));
        } else if (a instanceof Action.CopyProperty copy) {
            String value = record.property(copy.from()).orElse("");
            if (value.isEmpty()) {
                step.log(Kind.ACTION_SKIPPED, copy.id(), copy.from() + " is empty: nothing to copy");
                return step.moveTo(copy.next());
            }
            return act(new Action.SetProperty(copy.id(), copy.to(), value, copy.next(), copy.on()), step, wf, record,
                    schema, in);
        } else if (a instanceof Action.ClearProperty clear) {
            return act(new Action.SetProperty(clear.id(), clear.property(), "", clear.next(), clear.on()), step, wf,
                    record, schema, in);
        } else if (a instanceof Action.DelayUntilDate wait) {
            ZoneId z = zone.get();
            return WaitActions.waitFor(step, wait.id(),
                    ZonedDateTime.of(wait.date(), WaitActions.timeOrMidnight(wait.time()), z).toInstant(),
                    wait.next());
        } else if (a instanceof Action.DelayUntilProperty wait) {
            return WaitActions.delayUntilProperty(step, wait, record, schema, zone.get());
        } else if (a instanceof Action.DelayUntilDayAndTime wait) {
            return WaitActions.waitFor(step, wait.id(), DelayTimes.nextDayAndTime(step.now, wait.days(), wait.time(), zone.get()),
                    wait.next());
        } else if (a instanceof Action.GoTo go) {
            step.log(Kind.ACTION_EXECUTED, go.id(), "went to '" + go.next() + "'");
            return step.moveTo(go.next());
        } else if (a instanceof Action.AddToList add) {
            return RecordActions.listMembership(step, add.id(), add.listId(), true, record, add.next());
        } else if (a instanceof Action.RemoveFromList remove) {
            return RecordActions.listMembership(step, remove.id(), remove.listId(), false, record, remove.next());
        } else if (a instanceof Action.Branch branch) {
            return BranchActions.branch(step, branch, filters.get());
        } else if (a instanceof Action.ValueBranch branch) {
            return BranchActions.valueBranch(step, branch, filters.get());
        } else if (a instanceof Action.WaitForEvent wait) {
            return WaitActions.waitForEvent(step, wait);
        } else if (a instanceof Action.EnrollInWorkflow enroll) {
            return WorkflowActions.enrollIn(step, enroll, wf);
        } else if (a instanceof Action.UnenrollFromWorkflows unenroll) {
            return WorkflowActions.unenrollFrom(step, unenroll, wf);
        } else if (a instanceof Action.Webhook hook) {
            return WebhookActions.post(step, hook, record);
        } else if (a instanceof Action.Notify notify) {
            return NotifyActions.notify(step, notify, record, in.people());
        } else if (a instanceof JourneyNodes.Route route) {
            return JourneySteps.route(step, route, record);
        } else if (a instanceof JourneyNodes.EnterStage go) {
            return JourneySteps.enterStage(step, go, record);
        } else if (a instanceof JourneyNodes.ReachEnd go) {
            return JourneySteps.reachEnd(step, go, record);
        } else if (a instanceof JourneyNodes.Stay stay) {
            return JourneySteps.stay(step, stay);
        } else if (a instanceof JourneyNodes.SendText text) {
            return JourneySteps.sendText(step, text, record);
        }
        throw new IllegalStateException("no decision for action type " + a.getClass().getSimpleName());
    }

    /** Leaving by the goal also remembers it for good and counts it (R-WF-11..13). */
    private static StepDecision leaveEarly(StepDraft step, WorkflowDefinition wf, RecordFilterContext context,
                                           UnenrollmentRules.Leave leave) {
        step.writes.add(WorkflowCounters.unenrolledBy(step.e.advance(EnrollmentStatus.UNENROLLED, null, null, step.now, 0),
                leave.cause()));
        JourneyCounters.leftFrom(wf, step.e).ifPresent(step.writes::add);
        if (leave.cause() == UnenrollmentRules.Cause.GOAL) {
            List<CrmEvent> met = new ArrayList<>();
            step.writes.addAll(Goals.onMet(wf, context.view(), step.eventId(0), step.e.id(), step.now, met));
            met.forEach(step::emit);
        }
        return step.finish(EnrollmentStatus.UNENROLLED, Kind.UNENROLLED, leave.why());
    }

    /** Waits and branches only decide where to go next; what the window guards is acting on the world. */
    private static boolean runsInWindow(Action a) {
        return !(a instanceof Action.Delay || a instanceof Action.DelayUntilDate || a instanceof Action.DelayUntilProperty
                || a instanceof Action.DelayUntilDayAndTime || a instanceof Action.Branch || a instanceof Action.ValueBranch
                || a instanceof Action.GoTo || a instanceof Action.WaitForEvent || a instanceof JourneyNodes.Route
                || a instanceof JourneyNodes.Stay);
    }

    /** The ledger key of a step's outside effect: one per enrollment step. */
    static String effectKey(Enrollment e) {
        return e.id() + "#" + e.seq();
    }
}
