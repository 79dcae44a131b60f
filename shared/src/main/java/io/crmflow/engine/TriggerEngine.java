package io.crmflow.engine;

import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.HistoryEntry.Kind;
import io.crmflow.filter.Filters;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.NotFoundException;
import io.crmflow.model.RecordRef;
import io.crmflow.model.ObjectType;
import io.crmflow.model.PropertyChange;
import io.crmflow.model.Tenant;
import io.crmflow.store.ConflictException;
import io.crmflow.store.EnrollmentSlot;
import io.crmflow.store.RecordView;
import io.crmflow.store.Write;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reacts to one CRM event (R-WF-2, R-WF-3): finds the workflows on the record's object type
 * through the trigger index, evaluates their criteria, and enrolls the record in each that
 * matches. The enrollment and the record's slot in the workflow are written together with a
 * condition, so a redelivered event or two handlers racing on one record enroll it once.
 * Thread-safe.
 */
public final class TriggerEngine {
    private final Ports ports;
    private final EngineSettings settings;

    public TriggerEngine(Ports ports, EngineSettings settings) {
        this.ports = ports;
        this.settings = settings;
    }

    /** @return the enrollments this event created (empty when none matched or all existed) */
    public List<Enrollment> onEvent(CrmEvent event, Instant now) {
        Tenant tenant = ports.definitions().tenant(event.tenantId())
                .orElseThrow(() -> new InvalidMessageException("event " + event.eventId() + " names tenant '"
                        + event.tenantId() + "', which does not exist"));
        var schemas = new TenantSchemas(ports.definitions(), tenant.id());
        String type = event.record().objectType();
        ObjectType schema = schemas.objectType(type)
                .orElseThrow(() -> new InvalidMessageException("event " + event.eventId() + " is about object type '"
                        + type + "', which tenant '" + tenant.id() + "' does not have"));
        RecordView view = ports.records().view(tenant.id(), event.record())
                .orElseThrow(() -> new InvalidMessageException("event " + event.eventId() + " is about record "
                        + event.record() + ", which does not exist"));
        List<PropertyChange> changes = event instanceof CrmEvent.PropertiesChanged pc ? pc.changes() : List.of();

        List<Enrollment> created = new ArrayList<>();
        // Each enrollment's first step is sent as soon as it is committed: if a later workflow's
        // commit fails, the message of an earlier one is not lost with it.
        // One context for all workflows: associated records and list definitions are read once per event.
        var context = new RecordFilterContext(view, schema, changes, ports.records(), schemas, now, tenant.timezone());
        List<WorkflowDefinition> triggered = ports.definitions().triggeredWorkflows(tenant.id(), type);
        for (WorkflowDefinition wf : triggered) {
            EnrollmentSlot slot = view.slots().get(wf.id());
            if (slot != null && !mayReenroll(wf, slot, event, view, schema, schemas, tenant, now)) {
                continue;
            }
            if (Filters.matches(wf.trigger().criteria(), context)
                    && UnenrollmentRules.reasonToLeave(wf, context).isEmpty()) { // suppressed records never enter
                String why = (slot == null ? "met" : "newly met") + " the enrollment criteria on " + event.detailType()
                        + " " + event.eventId();
                (slot == null ? enroll(wf, event.record(), why, now) : reenroll(wf, event.record(), slot, why, now))
                        .ifPresent(e -> {
                    created.add(e);
                    if (e.status() == EnrollmentStatus.ACTIVE) {
                        ports.steps().send(List.of(e.stepMessage()));
                    }
                });
            }
        }
        unenrollWhereRulesSay(tenant.id(), view, context, triggered, now);
        return created;
    }

    /**
     * Re-enrollment (R-WF-3) is opt-in per trigger, never while an enrollment is under way, and
     * only when the record newly meets the criteria: a property change that turned them from
     * unmet to met. Any later event about a record that still meets them is not a reason to
     * enroll it again, or every change to a customer would restart the workflow.
     */
    private boolean mayReenroll(WorkflowDefinition wf, EnrollmentSlot slot, CrmEvent event, RecordView view,
                                ObjectType schema, TenantSchemas schemas, Tenant tenant, Instant now) {
        if (!wf.trigger().reenroll() || slot.live() || !(event instanceof CrmEvent.PropertiesChanged changed)) {
            return false;
        }
        Map<String, String> before = new HashMap<>();
        changed.changes().forEach(c -> before.put(c.property(), c.from()));
        RecordView was = new RecordView(view.record().with(before, now), view.associations(), view.staticLists(),
                view.slots());
        var wasContext = new RecordFilterContext(was, schema, List.of(), ports.records(), schemas, now, tenant.timezone());
        return !Filters.matches(wf.trigger().criteria(), wasContext);
    }

    private Optional<Enrollment> reenroll(WorkflowDefinition wf, RecordRef record, EnrollmentSlot slot, String why,
                                          Instant now) {
        int n = slot.count() + 1;
        var enrollment = new Enrollment(wf.tenantId(), Enrollment.idFor(wf.id(), record) + "~" + n, wf.id(),
                wf.version(), record, EnrollmentStatus.ACTIVE, wf.firstActionId(), 1, now.plus(settings.watchdog()), now,
                now, 1, 1);
        if (wf.firstActionId() == null) {
            return Optional.empty(); // nothing to run: an empty workflow is entered once
        }
        try {
            ports.writer().commit(List.of(new Write.Reenroll(enrollment, slot.count()),
                    WorkflowCounters.enrolled(enrollment),
                    new Write.AppendHistory(wf.tenantId(), new HistoryEntry(enrollment.id(), 0, now, Kind.ENROLLED, null,
                            why + " (enrollment " + n + ")"))));
            return Optional.of(enrollment);
        } catch (ConflictException conflict) {
            if (conflict.writeIndex() != 0) {
                throw conflict;
            }
            return Optional.empty(); // another handler re-enrolled it first
        }
    }

    /**
     * Records leave the workflows they are in the moment a rule says so — joining a suppression
     * list, meeting the unenrollment criteria — also while they wait, not only at their next step.
     */
    private void unenrollWhereRulesSay(String tenantId, RecordView view, RecordFilterContext context,
                                       List<WorkflowDefinition> triggered, Instant now) {
        // The trigger index already holds the definitions of most workflows a record is in;
        // only the others (manual-only, switched off) cost a read.
        java.util.Map<String, WorkflowDefinition> known = new java.util.HashMap<>();
        triggered.forEach(wf -> known.put(wf.id(), wf));
        for (String workflowId : view.enrolledWorkflows()) {
            var wf = Optional.ofNullable(known.get(workflowId))
                    .or(() -> ports.definitions().workflow(tenantId, workflowId))
                    .filter(UnenrollmentRules::any);
            var reason = wf.flatMap(w -> UnenrollmentRules.reasonToLeave(w, context));
            if (reason.isEmpty()) {
                continue;
            }
            unenroll(tenantId, workflowId, view.record().ref(), reason.get(), now);
        }
    }

    /** Retried on a conflict: a step may have moved the enrollment into a long wait meanwhile. */
    private void unenroll(String tenantId, String workflowId, RecordRef record, String why, Instant now) {
        for (int attempt = 0; attempt < 3; attempt++) {
            var live = ports.enrollments().enrollmentOf(tenantId, workflowId, record).filter(e -> !e.status().terminal());
            if (live.isEmpty() || unenroll(live.get(), why, now)) {
                return;
            }
        }
    }

    private boolean unenroll(Enrollment e, String why, Instant now) {
        Enrollment left = e.advance(EnrollmentStatus.UNENROLLED, null, null, now, 1);
        try {
            ports.writer().commit(List.of(new Write.PutEnrollment(left, e.version()),
                    new Write.AppendHistory(e.tenantId(), new HistoryEntry(e.id(), e.historySize(), now, Kind.UNENROLLED,
                            null, why)),
                    WorkflowCounters.ended(left)));
            return true;
        } catch (ConflictException movedOn) {
            return false;
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
            UnenrollmentRules.reasonToLeave(wf, context).ifPresent(reason -> {
                throw InvalidInputException.of("/", record + " cannot enter workflow '" + workflowId + "': " + reason);
            });
        }
        Enrollment e = enroll(wf, record, "enrolled by hand through the API", now)
                .orElseThrow(() -> new AlreadyExistsException(record + " was enrolled in workflow '" + workflowId
                        + "' before; a record is enrolled once"));
        if (e.status() == EnrollmentStatus.ACTIVE) {
            ports.steps().send(List.of(e.stepMessage()));
        }
        return e;
    }

    private java.util.Optional<Enrollment> enroll(WorkflowDefinition wf, RecordRef record, String why, Instant now) {
        boolean empty = wf.firstActionId() == null;
        var enrollment = new Enrollment(wf.tenantId(), Enrollment.idFor(wf.id(), record), wf.id(), wf.version(),
                record, empty ? EnrollmentStatus.COMPLETED : EnrollmentStatus.ACTIVE, wf.firstActionId(), 1,
                empty ? null : now.plus(settings.watchdog()), now, now, empty ? 2 : 1, 1);
        List<Write> writes = new ArrayList<>();
        writes.add(new Write.PutEnrollment(enrollment, 0));
        writes.add(WorkflowCounters.enrolled(enrollment));
        writes.add(new Write.AppendHistory(wf.tenantId(), new HistoryEntry(enrollment.id(), 0, now, Kind.ENROLLED, null,
                why)));
        if (empty) {
            writes.add(new Write.AppendHistory(wf.tenantId(),
                    new HistoryEntry(enrollment.id(), 1, now, Kind.COMPLETED, null, "the workflow has no actions")));
            writes.add(WorkflowCounters.ended(enrollment));
        }
        try {
            ports.writer().commit(writes);
            return java.util.Optional.of(enrollment);
        } catch (ConflictException conflict) {
            if (conflict.writeIndex() != 0) {
                throw conflict;
            }
            return java.util.Optional.empty(); // the slot exists: enrolled already, by a redelivery or a racing handler
        }
    }
}
