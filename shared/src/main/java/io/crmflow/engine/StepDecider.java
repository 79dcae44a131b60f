package io.crmflow.engine;

import io.crmflow.definition.Action;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.HistoryEntry.Kind;
import io.crmflow.filter.Condition;
import io.crmflow.filter.Filter;
import io.crmflow.filter.FilterContext;
import io.crmflow.filter.Filters;
import io.crmflow.filter.Operator;
import io.crmflow.model.Association;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.ObjectType;
import io.crmflow.model.Origin;
import io.crmflow.model.PropertyChange;
import io.crmflow.model.PropertyValues;
import io.crmflow.model.RecordRef;
import io.crmflow.model.StandardObjectTypes;
import io.crmflow.outbound.OutgoingEmail;
import io.crmflow.store.Write;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    StepDecision decide(Enrollment e, WorkflowDefinition wf, CrmRecord record, ObjectType schema, Instant now) {
        return decide(e, wf, record, schema, now, () -> {
            throw new IllegalStateException("this step evaluates no criteria");
        }, () -> ZoneOffset.UTC);
    }

    /**
     * @param filters the record's filter context, asked for only by branches: building it costs
     *                reads (associations, lists) that other actions do not need
     */
    StepDecision decide(Enrollment e, WorkflowDefinition wf, CrmRecord record, ObjectType schema, Instant now,
                        Supplier<FilterContext> filters, Supplier<ZoneId> zone) {
        return decide(e, wf, record, schema, now, filters, zone, type -> {
            throw new IllegalStateException("this step creates no record");
        });
    }

    /** @param schemaOf the schema of another object type, for the records a step creates */
    StepDecision decide(Enrollment e, WorkflowDefinition wf, CrmRecord record, ObjectType schema, Instant now,
                        Supplier<FilterContext> filters, Supplier<ZoneId> zone,
                        java.util.function.Function<String, ObjectType> schemaOf) {
        var step = new Step(e, now);
        if (e.status() == EnrollmentStatus.WAITING) {
            step.log(Kind.WAIT_ENDED, e.cursor(), "wait ended");
        }
        if (e.cursor() == null) {
            return step.finish(EnrollmentStatus.COMPLETED, Kind.COMPLETED, "all actions done");
        }
        var action = wf.action(e.cursor());
        if (action.isEmpty()) {
            return step.finish(EnrollmentStatus.FAILED, Kind.FAILED,
                    "action '" + e.cursor() + "' no longer exists in workflow '" + wf.id() + "'");
        }
        if (UnenrollmentRules.any(wf)) {
            var reason = UnenrollmentRules.reasonToLeave(wf, filters.get());
            if (reason.isPresent()) {
                return step.finish(EnrollmentStatus.UNENROLLED, Kind.UNENROLLED, reason.get());
            }
        }
        // Java 17 has no pattern switch; the sealed family keeps this chain complete.
        Action a = action.get();
        if (wf.window() != null && runsInWindow(a) && !wf.window().isOpen(now, zone.get())) {
            Instant opening = wf.window().nextOpening(now, zone.get());
            step.log(Kind.WAIT_STARTED, a.id(), "outside the workflow's execution window: waiting until it opens at "
                    + opening);
            return step.waitUntil(a.id(), opening);
        }
        if (a instanceof Action.SetProperty set) {
            return setProperty(step, set, wf, record, schema);
        } else if (a instanceof Action.CreateTask task) {
            return createTask(step, task, record);
        } else if (a instanceof Action.SendEmail send) {
            return sendEmail(step, send, record);
        } else if (a instanceof Action.Delay wait) {
            return delay(step, wait);
        } else if (a instanceof Action.CreateRecord create) {
            return createRecord(step, create, record, schemaOf.apply(create.objectType()));
        } else if (a instanceof Action.CopyProperty copy) {
            String value = record.property(copy.from()).orElse("");
            if (value.isEmpty()) {
                step.log(Kind.ACTION_SKIPPED, copy.id(), copy.from() + " is empty: nothing to copy");
                return step.moveTo(copy.next());
            }
            return setProperty(step, new Action.SetProperty(copy.id(), copy.to(), value, copy.next()), wf, record, schema);
        } else if (a instanceof Action.ClearProperty clear) {
            return setProperty(step, new Action.SetProperty(clear.id(), clear.property(), "", clear.next()), wf, record,
                    schema);
        } else if (a instanceof Action.DelayUntilDate wait) {
            ZoneId z = zone.get();
            return waitFor(step, wait.id(), ZonedDateTime.of(wait.date(), timeOrMidnight(wait.time()), z).toInstant(),
                    wait.next());
        } else if (a instanceof Action.DelayUntilProperty wait) {
            return delayUntilProperty(step, wait, record, schema, zone.get());
        } else if (a instanceof Action.DelayUntilDayAndTime wait) {
            return waitFor(step, wait.id(), DelayTimes.nextDayAndTime(step.now, wait.days(), wait.time(), zone.get()),
                    wait.next());
        } else if (a instanceof Action.GoTo go) {
            step.log(Kind.ACTION_EXECUTED, go.id(), "went to '" + go.next() + "'");
            return step.moveTo(go.next());
        } else if (a instanceof Action.AddToList add) {
            return listMembership(step, add.id(), add.listId(), true, record, add.next());
        } else if (a instanceof Action.RemoveFromList remove) {
            return listMembership(step, remove.id(), remove.listId(), false, record, remove.next());
        } else if (a instanceof Action.Branch branch) {
            return branch(step, branch, filters.get());
        } else if (a instanceof Action.ValueBranch branch) {
            return valueBranch(step, branch, filters.get());
        }
        throw new IllegalStateException("no decision for action type " + a.getClass().getSimpleName());
    }

    private StepDecision setProperty(Step step, Action.SetProperty a, WorkflowDefinition wf, CrmRecord record,
                                     ObjectType schema) {
        var definition = schema.property(a.property());
        if (definition.isEmpty()) {
            step.log(Kind.ACTION_SKIPPED, a.id(), "property '" + a.property() + "' no longer exists on " + schema.name());
            return step.moveTo(a.next());
        }
        var problem = definition.get().problemWith(a.value());
        if (problem.isPresent()) {
            step.log(Kind.ACTION_SKIPPED, a.id(), problem.get());
            return step.moveTo(a.next());
        }
        String before = record.property(a.property()).orElse(null);
        String after = a.value() == null || a.value().isEmpty() ? null : a.value();
        if (java.util.Objects.equals(before, after)) {
            step.log(Kind.ACTION_EXECUTED, a.id(), a.property() + " already " + (after == null ? "empty" : "'" + after + "'"));
            return step.moveTo(a.next());
        }
        var values = new HashMap<String, String>();
        values.put(a.property(), after);
        values.put("lastmodifieddate", step.now.toString());
        CrmRecord updated = record.with(values, step.now);
        step.writes.add(new Write.PutRecord(updated, record.version()));
        step.emit(new CrmEvent.PropertiesChanged(step.eventId(0), record.tenantId(), record.ref(), step.now,
                Origin.workflow(wf.id()), List.of(new PropertyChange(a.property(), before, after))));
        step.log(Kind.ACTION_EXECUTED, a.id(), "set " + a.property() + " to " + (after == null ? "empty" : "'" + after + "'"));
        return step.moveTo(a.next());
    }

    private StepDecision createTask(Step step, Action.CreateTask a, CrmRecord record) {
        String taskId = StepIds.task(step.e.id(), step.e.seq());
        Map<String, String> props = new HashMap<>();
        props.put("hs_task_subject", Personalizer.render(a.subject(), record));
        props.put("hs_task_body", Personalizer.render(a.body(), record));
        props.put("hs_task_status", "NOT_STARTED");
        props.put("createdate", step.now.toString());
        props.put("hs_object_id", taskId);
        if (a.dueIn() != null) {
            props.put("hs_timestamp", step.now.plus(a.dueIn()).toString());
        }
        record.property("hubspot_owner_id").ifPresent(owner -> props.put("hubspot_owner_id", owner));
        props.values().removeIf(v -> v == null || v.isEmpty());
        var task = new CrmRecord(record.tenantId(), StandardObjectTypes.TASK, taskId, props, 1, step.now, step.now);
        step.writes.add(new Write.PutRecord(task, 0));
        step.writes.add(new Write.PutAssociation(record.tenantId(), new Association(task.ref(), record.ref(), "")));
        step.emit(new CrmEvent.RecordCreated(step.eventId(0), record.tenantId(), task.ref(), step.now,
                Origin.workflow(step.e.workflowId())));
        step.log(Kind.ACTION_EXECUTED, a.id(), "created task " + taskId);
        return step.moveTo(a.next());
    }

    private StepDecision createRecord(Step step, Action.CreateRecord a, CrmRecord record, ObjectType targetSchema) {
        String id = StepIds.record(step.e.id(), step.e.seq());
        Map<String, String> props = new HashMap<>();
        List<String> dropped = new ArrayList<>();
        a.properties().forEach((name, value) -> {
            String rendered = Personalizer.render(value, record);
            var problem = targetSchema.property(name).flatMap(p -> p.problemWith(rendered));
            if (problem.isPresent()) {
                dropped.add(problem.get()); // a token rendered into a value the type refuses: leave it unset
            } else {
                props.put(name, rendered);
            }
        });
        props.values().removeIf(v -> v == null || v.isEmpty());
        props.put("createdate", step.now.toString());
        props.put("hs_object_id", id);
        var created = new CrmRecord(record.tenantId(), a.objectType(), id, props, 1, step.now, step.now);
        step.writes.add(new Write.PutRecord(created, 0));
        step.writes.add(new Write.PutAssociation(record.tenantId(), new Association(created.ref(), record.ref(),
                a.label() == null ? "" : a.label())));
        step.emit(new CrmEvent.RecordCreated(step.eventId(0), record.tenantId(), created.ref(), step.now,
                Origin.workflow(step.e.workflowId())));
        step.log(Kind.ACTION_EXECUTED, a.id(), "created " + a.objectType() + " " + id
                + (dropped.isEmpty() ? "" : "; left unset: " + String.join("; ", dropped)));
        return step.moveTo(a.next());
    }

    private StepDecision sendEmail(Step step, Action.SendEmail a, CrmRecord record) {
        String to = record.property("email").orElse("");
        if (to.isBlank()) {
            step.log(Kind.ACTION_SKIPPED, a.id(), "the record has no email address");
            return step.moveTo(a.next());
        }
        if (a.kind() == Action.EmailKind.MARKETING && !marketable(record)) {
            step.log(Kind.ACTION_SKIPPED, a.id(), "marketing email not sent: not a marketing contact, or opted out");
            return step.moveTo(a.next());
        }
        var email = new OutgoingEmail(a.from(), to, Personalizer.render(a.subject(), record),
                Personalizer.render(a.body(), record), StepIds.email(step.e.id(), step.e.seq()));
        step.log(Kind.ACTION_EXECUTED, a.id(), a.kind().name().toLowerCase() + " email sent");
        return step.moveTo(a.next()).withEmail(email);
    }

    private static boolean marketable(CrmRecord record) {
        boolean marketing = record.property("hs_marketable_status").map(StepDecider::isTrue).orElse(false);
        boolean optedOut = record.property("hs_email_optout").map(StepDecider::isTrue).orElse(false);
        return marketing && !optedOut;
    }

    private static boolean isTrue(String v) {
        try {
            return PropertyValues.bool(v);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private StepDecision delay(Step step, Action.Delay a) {
        Instant until = step.now.plus(a.duration());
        step.log(Kind.WAIT_STARTED, a.id(), "waiting until " + until);
        return step.waitUntil(a.next(), until);
    }

    /** Waits and branches only decide where to go next; what the window guards is acting on the world. */
    private static boolean runsInWindow(Action a) {
        return !(a instanceof Action.Delay || a instanceof Action.DelayUntilDate || a instanceof Action.DelayUntilProperty
                || a instanceof Action.DelayUntilDayAndTime || a instanceof Action.Branch || a instanceof Action.ValueBranch
                || a instanceof Action.GoTo);
    }

    private StepDecision delayUntilProperty(Step step, Action.DelayUntilProperty a, CrmRecord record, ObjectType schema,
                                            ZoneId zone) {
        String raw = record.property(a.property()).orElse("");
        var type = schema.property(a.property()).map(io.crmflow.model.PropertyDefinition::type).orElse(null);
        Instant base;
        try {
            base = raw.isEmpty() || type == null ? null
                    : type == io.crmflow.model.PropertyType.DATE
                    ? ZonedDateTime.of(PropertyValues.date(raw), timeOrMidnight(a.time()), zone).toInstant()
                    : PropertyValues.instant(raw);
        } catch (RuntimeException unreadable) {
            base = null;
        }
        if (base == null) {
            step.log(Kind.WAIT_ENDED, a.id(), a.property() + " holds no date: no wait");
            return step.moveTo(a.next());
        }
        return waitFor(step, a.id(), DelayTimes.shift(base, a.offset(), zone), a.next());
    }

    /** Waits until {@code until}, or goes on at once when that moment has passed. */
    private StepDecision waitFor(Step step, String actionId, Instant until, String next) {
        if (!until.isAfter(step.now)) {
            step.log(Kind.WAIT_ENDED, actionId, until + " has passed: no wait");
            return step.moveTo(next);
        }
        step.log(Kind.WAIT_STARTED, actionId, "waiting until " + until);
        return step.waitUntil(next, until);
    }

    private static LocalTime timeOrMidnight(LocalTime time) {
        return time == null ? LocalTime.MIDNIGHT : time;
    }

    private StepDecision listMembership(Step step, String actionId, String listId, boolean join, CrmRecord record,
                                        String next) {
        step.writes.add(new Write.PutListMembership(record.tenantId(), listId, record.ref(), join));
        step.emit(new CrmEvent.ListMembershipChanged(step.eventId(0), record.tenantId(), record.ref(), step.now,
                Origin.workflow(step.e.workflowId()), listId, join));
        step.log(Kind.ACTION_EXECUTED, actionId, (join ? "added to" : "removed from") + " list '" + listId + "'");
        return step.moveTo(next);
    }

    private StepDecision branch(Step step, Action.Branch a, FilterContext context) {
        for (Action.BranchPath path : a.paths()) {
            if (Filters.matches(path.criteria(), context)) {
                step.log(Kind.BRANCH_TAKEN, a.id(), "branch '" + path.name() + "' taken");
                return step.moveTo(path.next());
            }
        }
        step.log(Kind.BRANCH_TAKEN, a.id(), "no branch matched: took the none-matched branch");
        return step.moveTo(a.next());
    }

    /** Compared through the filter engine, so "10" equals "10.0" on a number and case is ignored on text. */
    private StepDecision valueBranch(Step step, Action.ValueBranch a, FilterContext context) {
        for (Action.ValueCase c : a.cases()) {
            Filter equals = Filter.allOf(new Condition.OnProperty(a.property(), Operator.EQ, List.of(c.value())));
            if (Filters.matches(equals, context)) {
                step.log(Kind.BRANCH_TAKEN, a.id(), a.property() + " is '" + c.value() + "': took that branch");
                return step.moveTo(c.next());
            }
        }
        step.log(Kind.BRANCH_TAKEN, a.id(), a.property() + " matched no value: took the none-matched branch");
        return step.moveTo(a.next());
    }

    /** The ledger key of a step's outside effect: one per enrollment step. */
    static String effectKey(Enrollment e) {
        return e.id() + "#" + e.seq();
    }

    /** Accumulates one step's decision. */
    private final class Step {
        final Enrollment e;
        final Instant now;
        final List<Write> writes = new ArrayList<>();
        final List<HistoryEntry> history = new ArrayList<>();
        final List<CrmEvent> events = new ArrayList<>();

        Step(Enrollment e, Instant now) {
            this.e = e;
            this.now = now;
        }

        String eventId(int n) {
            return StepIds.event(e.id(), e.seq(), n);
        }

        void log(Kind kind, String actionId, String detail) {
            history.add(new HistoryEntry(e.id(), e.historySize() + history.size(), now, kind, actionId, detail));
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

        StepDecision finish(EnrollmentStatus status, Kind kind, String detail) {
            log(kind, null, detail);
            return decision(e.advance(status, null, null, now, history.size()));
        }

        private StepDecision decision(Enrollment next) {
            return new StepDecision(next, writes, history, events, null);
        }
    }
}
