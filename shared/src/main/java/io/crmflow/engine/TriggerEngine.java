package io.crmflow.engine;

import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.HistoryEntry.Kind;
import io.crmflow.filter.Filters;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.NotFoundException;
import io.crmflow.model.RecordRef;
import io.crmflow.model.ObjectType;
import io.crmflow.model.Origin;
import io.crmflow.model.Tenant;
import io.crmflow.store.ConflictException;
import io.crmflow.store.EnrollmentSlot;
import io.crmflow.store.RecordView;
import io.crmflow.store.Write;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reacts to one CRM event (R-WF-2, R-WF-3): finds the workflows on the record's object type
 * through the trigger index, evaluates their criteria, and enrolls the record in each that
 * matches. The enrollment and the record's slot in the workflow are written together with a
 * condition, so a redelivered event or two handlers racing on one record enroll it once.
 * Thread-safe.
 */
public final class TriggerEngine {
    private static final System.Logger LOG = System.getLogger(TriggerEngine.class.getName());
    private final Ports ports;
    private final EngineSettings settings;
    private final EventPublisher publisher;
    private final EnrolledRecordReactions reactions;
    private final TriggerIndexes indexes = new TriggerIndexes(TriggerIndexes.CAPACITY);

    public TriggerEngine(Ports ports, EngineSettings settings) {
        this.ports = ports;
        this.settings = settings;
        this.publisher = new EventPublisher(ports.bus(), ports.outbox());
        this.reactions = new EnrolledRecordReactions(ports, settings, publisher);
    }

    /**
     * What an event came to here.
     *
     * @param enrolled   the enrollments it created (empty when none matched or all existed)
     * @param viewAsRead the event's record as read for it, which the automations decide on next
     *                   ({@link Automations#onEvent}); empty when no workflow needed it read
     */
    public record Triggered(List<Enrollment> enrolled, Optional<RecordView> viewAsRead) {
        public Triggered {
            enrolled = List.copyOf(enrolled);
        }
    }

    public Triggered onEvent(CrmEvent event, Instant now) {
        return onEvent(event, now, TriggerReads.eachEvent());
    }

    /** @param reads the trigger partitions read for the batch the event came in, which it may share */
    public Triggered onEvent(CrmEvent event, Instant now, TriggerReads reads) {
        Tenant tenant = ports.definitions().tenant(event.tenantId())
                .orElseThrow(() -> new InvalidMessageException("event " + event.eventId() + " names tenant '"
                        + event.tenantId() + "', which does not exist"));
        var schemas = new TenantSchemas(ports.definitions(), tenant.id());
        String type = event.record().objectType();
        ObjectType schema = schemas.objectType(type)
                .orElseThrow(() -> new InvalidMessageException("event " + event.eventId() + " is about object type '"
                        + type + "', which tenant '" + tenant.id() + "' does not have"));
        TriggeredWorkflows triggered = indexes.over(tenant.id(), type,
                reads.triggeredWorkflows(ports.definitions(), tenant.id(), type), schema);
        List<WorkflowDefinition> listening = List.of();
        if (event instanceof CrmEvent.WorkflowMilestone milestone) {
            // Milestones change nothing about the record: only workflows that listen for them
            // matter, and most events have none, so the record is not even read.
            listening = triggered.listeningTo(milestone.workflowId());
            if (listening.isEmpty()) {
                return new Triggered(List.of(), Optional.empty());
            }
        }
        RecordView view = ports.records().view(tenant.id(), event.record())
                .orElseThrow(() -> new InvalidMessageException("event " + event.eventId() + " is about record "
                        + event.record() + ", which does not exist"));
        if (event instanceof CrmEvent.UnenrollmentRequested request) {
            reactions.unenrollRequested(request, view, now);
            return new Triggered(List.of(), Optional.of(view));
        }
        var match = new TriggerMatch(event, view, schema, schemas, ports.records(), tenant, now);
        if (event instanceof CrmEvent.EnrollmentRequested request) {
            return new Triggered(enrollRequested(request, view, match.context(), now).stream().toList(),
                    Optional.of(view));
        }
        // The index leaves out only workflows whose trigger cannot hold of this event and record.
        List<WorkflowDefinition> candidates = event instanceof CrmEvent.WorkflowMilestone ? listening
                : triggered.candidates(event, view.record());
        List<Enrollment> created = new ArrayList<>();
        for (WorkflowDefinition wf : candidates) {
            // Each enrollment's first step is sent as soon as it is committed: if a later
            // workflow's commit fails, the message of an earlier one is not lost with it.
            match.entry(wf).flatMap(entry -> enrolled(entry, event, now)).ifPresent(created::add);
        }
        if (!(event instanceof CrmEvent.WorkflowMilestone)) {
            reactions.afterChange(event, view, match.context(), triggered, now);
        }
        return new Triggered(created, Optional.of(view));
    }

    private Optional<Enrollment> enrolled(TriggerMatch.Entry entry, CrmEvent event, Instant now) {
        WorkflowDefinition wf = entry.workflow();
        return started(entry.slot() == null ? enroll(wf, event.record(), entry.why(), event.eventId(), now)
                : reenroll(wf, event.record(), entry.slot(), entry.why(), event.eventId(), now));
    }

    /**
     * "Enroll in workflow" asked by another workflow's action: the target's triggers are not
     * consulted (the action is the reason), but its switch, suppression lists, goal and
     * re-enrollment setting are: a record under way there is left alone, and one that left
     * enters again only when the target re-enrolls.
     */
    private Optional<Enrollment> enrollRequested(CrmEvent.EnrollmentRequested request, RecordView view,
                                                 RecordFilterContext context, Instant now) {
        Optional<WorkflowDefinition> target = ports.definitions().workflow(request.tenantId(), request.workflowId())
                .filter(WorkflowDefinition::enabled)
                .filter(wf -> wf.objectType().equals(request.record().objectType()));
        if (target.isEmpty() || LoopGuard.stops(target.get(), request)
                || UnenrollmentRules.reasonToLeave(target.get(), context).isPresent()) {
            LOG.log(System.Logger.Level.INFO, "not enrolling " + request.record() + " in workflow '"
                    + request.workflowId() + "' as asked by " + request.origin() + ": it is off, missing, of another "
                    + "object type, the asking workflow itself, or the record is suppressed there or met its goal");
            return Optional.empty();
        }
        WorkflowDefinition wf = target.get();
        EnrollmentSlot slot = view.slots().get(wf.id());
        String why = "enrolled by an action of workflow '" + request.origin().id() + "'";
        return started(slot == null ? enroll(wf, request.record(), why, request.eventId(), now)
                : slot.live() || !wf.trigger().reenroll() ? Optional.empty()
                : reenroll(wf, request.record(), slot, why, request.eventId(), now));
    }

    private Optional<Enrollment> reenroll(WorkflowDefinition wf, RecordRef record, EnrollmentSlot slot, String why,
                                          String causeEventId, Instant now) {
        int n = slot.count() + 1;
        var enrollment = new Enrollment(wf.tenantId(), Enrollment.idFor(wf.id(), record) + "~" + n, wf.id(),
                wf.version(), record, EnrollmentStatus.ACTIVE, wf.firstActionId(), 1, now.plus(settings.watchdog()), now,
                now, 1, 1);
        if (wf.firstActionId() == null) {
            return Optional.empty(); // nothing to run: an empty workflow is entered once
        }
        CrmEvent entered = entered(enrollment, now);
        List<Write> writes = new ArrayList<>(List.of(new Write.Reenroll(enrollment, slot.count()),
                WorkflowCounters.enrolled(enrollment),
                new Write.AppendHistory(wf.tenantId(), new HistoryEntry(enrollment.id(), 0, now, Kind.ENROLLED, null,
                        why + " (enrollment " + n + ")")),
                new Write.EnqueueEvent(entered, now.plus(settings.watchdog()))));
        int entry = writes.size();
        writes.add(entryOf(wf, causeEventId, enrollment.id(), now));
        try {
            ports.writer().commit(writes);
            publisher.publishCommitted(List.of(entered));
            return Optional.of(enrollment);
        } catch (ConflictException conflict) {
            if (conflict.writeIndex() == 0) {
                return Optional.empty(); // another handler re-enrolled it first
            }
            if (conflict.writeIndex() == entry) {
                return Optional.empty(); // this event made an enrollment before, which ended since: once per event
            }
            throw conflict;
        }
    }

    /**
     * Enrolls one record by hand (R-WF-2: a workflow without triggers is enrolled into only this
     * way), under the same rule as triggers: once, ever.
     *
     * @throws NotFoundException        when the workflow or the record does not exist
     * @throws InvalidInputException    when the record is not of the workflow's type, or the workflow is off
     * @throws AlreadyExistsException   when the record was enrolled in the workflow before
     */
    public Enrollment enrollManually(String tenantId, String workflowId, RecordRef record, Instant now) {
        WorkflowDefinition wf = ports.definitions().workflow(tenantId, workflowId)
                .orElseThrow(() -> new NotFoundException("workflow '" + workflowId + "' does not exist"));
        if (JourneyWorkflows.isJourneyWorkflow(workflowId)) {
            throw InvalidInputException.of("/", "workflow '" + workflowId + "' runs a customer journey, which contacts"
                    + " enter from its eligibility lists and stage values (R-JRN-2), not by hand");
        }
        if (!wf.objectType().equals(record.objectType())) {
            throw InvalidInputException.of("/objectType", "workflow '" + workflowId + "' enrolls " + wf.objectType()
                    + " records, not " + record.objectType());
        }
        if (!wf.enabled()) {
            throw InvalidInputException.of("/", "workflow '" + workflowId + "' is off; switch it on to enroll records");
        }
        RecordView view = ports.records().view(tenantId, record)
                .orElseThrow(() -> new NotFoundException(record.objectType() + " '" + record.id() + "' does not exist"));
        if (UnenrollmentRules.any(wf)) {
            var schemas = new TenantSchemas(ports.definitions(), tenantId);
            var zone = ports.definitions().tenant(tenantId).map(Tenant::timezone).orElse(java.time.ZoneOffset.UTC);
            var context = new RecordFilterContext(view, schemas.objectType(record.objectType()).orElseThrow(), List.of(),
                    ports.records(), schemas, now, zone);
            UnenrollmentRules.reasonToLeave(wf, context).ifPresent(leave -> {
                throw InvalidInputException.of("/", record + " cannot enter workflow '" + workflowId + "': "
                        + leave.why());
            });
        }
        Enrollment e = enroll(wf, record, "enrolled by hand through the API", null, now)
                .orElseThrow(() -> new AlreadyExistsException(record + " was enrolled in workflow '" + workflowId
                        + "' before; a record is enrolled once"));
        sendFirstSteps(List.of(e));
        return e;
    }

    /**
     * Remembers that {@code causeEventId} took its record into workflow {@code wf}: enrolled it, or
     * — in a journey — moved it to another stage. In a workflow that re-enrolls, an event delivered
     * again after the enrollment it made ended must not start another (the slot alone guards only
     * against one under way); in a journey, the change that enrolled a contact, or moved it, must
     * not move it again ({@link JourneyMoves}). Kept as long as an event may come back.
     *
     * @param what what the event did, for whoever reads the mark
     */
    static Write entryOf(WorkflowDefinition wf, String causeEventId, String what, Instant now) {
        return new Write.PutEffectDone(wf.tenantId(), StepIds.entry(wf.id(), causeEventId), what, now);
    }

    /** Workflows whose enrollments remember the event that made them ({@link #entryOf}). */
    private static boolean remembersEntries(WorkflowDefinition wf) {
        return wf.trigger().reenroll() || JourneyWorkflows.isJourneyWorkflow(wf.id());
    }

    private Optional<Enrollment> enroll(WorkflowDefinition wf, RecordRef record, String why, String causeEventId,
                                        Instant now) {
        return enroll(wf, record, why, causeEventId, List.of(), now);
    }

    /** @param extra written in the same commit, after the enrollment's own writes: what the caller counts with it */
    private Optional<Enrollment> enroll(WorkflowDefinition wf, RecordRef record, String why, String causeEventId,
                                        List<Write> extra, Instant now) {
        boolean empty = wf.firstActionId() == null;
        var enrollment = new Enrollment(wf.tenantId(), Enrollment.idFor(wf.id(), record), wf.id(), wf.version(),
                record, empty ? EnrollmentStatus.COMPLETED : EnrollmentStatus.ACTIVE, wf.firstActionId(), 1,
                empty ? null : now.plus(settings.watchdog()), now, now, empty ? 2 : 1, 1);
        List<Write> writes = new ArrayList<>();
        writes.add(new Write.PutEnrollment(enrollment, 0));
        writes.add(WorkflowCounters.enrolled(enrollment));
        writes.add(new Write.AppendHistory(wf.tenantId(), new HistoryEntry(enrollment.id(), 0, now, Kind.ENROLLED, null,
                why)));
        CrmEvent entered = entered(enrollment, now);
        writes.add(new Write.EnqueueEvent(entered, now.plus(settings.watchdog())));
        if (empty) {
            writes.add(new Write.AppendHistory(wf.tenantId(),
                    new HistoryEntry(enrollment.id(), 1, now, Kind.COMPLETED, null, "the workflow has no actions")));
            writes.add(WorkflowCounters.ended(enrollment));
        }
        int entry = -1;
        if (causeEventId != null && remembersEntries(wf)) {
            entry = writes.size();
            writes.add(entryOf(wf, causeEventId, enrollment.id(), now));
        }
        writes.addAll(extra);
        try {
            ports.writer().commit(writes);
            publisher.publishCommitted(List.of(entered));
            return Optional.of(enrollment);
        } catch (ConflictException conflict) {
            if (conflict.writeIndex() != 0 && conflict.writeIndex() != entry) {
                throw conflict;
            }
            return Optional.empty(); // the slot exists: enrolled already, by a redelivery or a racing handler
        }
    }

    /** "Enrolled in workflow X", which other workflows may start on (R-WF-2); its id is the enrollment's own. */
    private static CrmEvent entered(Enrollment e, Instant now) {
        return new CrmEvent.WorkflowMilestone(StepIds.event(e.id(), 0, 0), e.tenantId(), e.record(), now,
                Origin.workflow(e.workflowId()), e.workflowId(), CrmEvent.WorkflowMilestone.Milestone.ENROLLED);
    }

    /**
     * Enrolls a record that exists already if it meets the workflow's criteria now, under the
     * rules an event applies (R-WF-8: the backfill on activation): a record on a suppression list,
     * meeting the unenrollment criteria or the goal stays out, and a record ever enrolled in the
     * workflow is left alone. The same commit as an event's makes a second call for one record
     * enroll nobody. Its first step is not sent: the caller sends a page's at once
     * ({@link #sendFirstSteps}).
     *
     * @param view    read just now, strongly consistent, like an event's
     * @param counted written in the enrollment's commit, so it counts exactly the enrollments made
     *                (the backfill run's counter): a repeated enrollment fails whole, its count with it
     * @return the enrollment made; empty when the record does not match, is kept out, or was enrolled before
     */
    Optional<Enrollment> enrollIfMatching(BackfillScope scope, RecordView view, Write counted, Instant now) {
        WorkflowDefinition wf = scope.workflow();
        if (view.slots().containsKey(wf.id())) {
            return Optional.empty();
        }
        var context = new RecordFilterContext(view, scope.schema(), List.of(), ports.records(), scope.schemas(), now,
                scope.tenant().timezone());
        if (!Filters.matches(wf.trigger().criteria(), context) || ChatTickets.leftOut(wf, view.record())
                || UnenrollmentRules.reasonToLeave(wf, context).isPresent()) {
            return Optional.empty();
        }
        return enroll(wf, view.record().ref(), scope.why(), null, List.of(counted), now);
    }

    /**
     * Sends the first step of each enrollment that has one to run (an empty workflow completes
     * on entering), in one call. Sent only once committed; a message lost after the commit is
     * sent again by the sweeper when the enrollment's watchdog time passes.
     */
    void sendFirstSteps(List<Enrollment> made) {
        List<StepMessage> first = made.stream().filter(e -> e.status() == EnrollmentStatus.ACTIVE)
                .map(Enrollment::stepMessage).toList();
        if (!first.isEmpty()) {
            ports.steps().send(first);
        }
    }

    private Optional<Enrollment> started(Optional<Enrollment> made) {
        sendFirstSteps(made.stream().toList());
        return made;
    }
}
