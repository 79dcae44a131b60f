package io.crmflow.engine;

import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.Filters;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.ObjectType;
import io.crmflow.model.PropertyChange;
import io.crmflow.model.Tenant;
import io.crmflow.store.EnrollmentSlot;
import io.crmflow.store.RecordStore;
import io.crmflow.store.RecordView;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether one event enrolls its record in a triggered workflow, and why (R-WF-2, R-WF-3,
 * R-WF-11), decided before anything is written: {@link TriggerEngine} writes the enrollments
 * it is given. Reads only what criteria ask for (associated records, active lists), once per
 * event. One instance per event, asked about any number of workflows; not thread-safe.
 */
public final class TriggerMatch {
    private final CrmEvent event;
    private final RecordView view;
    private final ObjectType schema;
    private final TenantSchemas schemas;
    private final RecordStore records;
    private final Tenant tenant;
    private final Instant now;
    private final RecordFilterContext context;
    private RecordFilterContext asTheEventLeftIt;
    private String described;

    /**
     * What the event enrolls the record in.
     *
     * @param slot the record's slot in the workflow when it was enrolled there before (a
     *             re-enrollment), else null
     * @param why  for the enrollment's history
     */
    public record Entry(WorkflowDefinition workflow, EnrollmentSlot slot, String why) {
    }

    /** @param view the event's record as read for it, strongly consistent */
    public TriggerMatch(CrmEvent event, RecordView view, ObjectType schema, TenantSchemas schemas, RecordStore records,
                        Tenant tenant, Instant now) {
        this.event = event;
        this.view = view;
        this.schema = schema;
        this.schemas = schemas;
        this.records = records;
        this.tenant = tenant;
        this.now = now;
        // One context for all workflows: associated records and list definitions are read once per event.
        this.context = new RecordFilterContext(view, schema, changes(event), records, schemas, now, tenant.timezone());
    }

    /** The record as it is now, with the event's changes, as criteria read it. */
    RecordFilterContext context() {
        return context;
    }

    /** Whether the event enrolls the record in {@code wf}, and why; empty when it does not. */
    public Optional<Entry> entry(WorkflowDefinition wf) {
        EnrollmentSlot slot = view.slots().get(wf.id());
        EnrollmentTrigger trigger = wf.trigger();
        String reason;
        if (trigger.isEventBased()) {
            if (!TriggerEvents.anyMatches(trigger.events(), event, context)
                    || slot != null && (!trigger.reenroll() || slot.live())
                    || !trigger.criteria().isEmpty() && !Filters.matches(trigger.criteria(), asTheEventLeftIt())) {
                return Optional.empty();
            }
            reason = "the trigger event happened: " + event.detailType() + " " + event.eventId() + ": " + described();
        } else {
            if (slot != null && !mayReenroll(wf, slot) || !Filters.matches(trigger.criteria(), context)) {
                return Optional.empty();
            }
            reason = (slot == null ? "met" : "newly met") + " the enrollment criteria on " + event.detailType() + " "
                    + event.eventId() + ": " + described();
        }
        if (LoopGuard.stops(wf, event) || ChatTickets.leftOut(wf, view.record())) {
            return Optional.empty();
        }
        // Suppressed records never enter; nor do those meeting the goal already, uncounted (R-WF-11).
        if (UnenrollmentRules.reasonToLeave(wf, context).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Entry(wf, slot, reason));
    }

    /** What the event did and who did it, said once for all the workflows it enrolls the record in. */
    private String described() {
        if (described == null) {
            described = EnrollmentReasons.describe(event, view.record());
        }
        return described;
    }

    /**
     * An event trigger's criteria read the record as the event left it: what the event changed
     * (for a record created, the stages it was created in, from its stage history) as the event
     * set it, the rest as it is now. A record that entered a stage and moved on before its event
     * was handled still entered that stage (R-PIPE-1). Made once per event, when first needed.
     */
    private RecordFilterContext asTheEventLeftIt() {
        if (asTheEventLeftIt == null) {
            asTheEventLeftIt = madeAsTheEventLeftIt();
        }
        return asTheEventLeftIt;
    }

    private RecordFilterContext madeAsTheEventLeftIt() {
        Map<String, String> set = new HashMap<>();
        if (event instanceof CrmEvent.PropertiesChanged changed) {
            changed.changes().forEach(c -> set.put(c.property(), c.to()));
        } else if (event instanceof CrmEvent.RecordCreated) {
            view.stageChanges().stream().filter(c -> StageChanges.madeBy(c, event.eventId()))
                    .forEach(c -> set.put(c.property(), c.to()));
        }
        boolean same = set.entrySet().stream()
                .allMatch(e -> Objects.equals(view.record().property(e.getKey()).orElse(null), e.getValue()));
        if (same) {
            return context;
        }
        RecordView then = view.withRecord(view.record().with(set, now));
        return new RecordFilterContext(then, schema, changes(event), records, schemas, now, tenant.timezone());
    }

    /**
     * Re-enrollment (R-WF-3) is opt-in per trigger, never while an enrollment is under way, and
     * only when the record newly meets the criteria: a property change that turned them from
     * unmet to met. Any later event about a record that still meets them is not a reason to
     * enroll it again, or every change to a customer would restart the workflow.
     */
    private boolean mayReenroll(WorkflowDefinition wf, EnrollmentSlot slot) {
        if (!wf.trigger().reenroll() || slot.live() || !(event instanceof CrmEvent.PropertiesChanged changed)) {
            return false;
        }
        Map<String, String> before = new HashMap<>();
        changed.changes().forEach(c -> before.put(c.property(), c.from()));
        RecordView was = view.withRecord(view.record().with(before, now));
        var wasContext = new RecordFilterContext(was, schema, List.of(), records, schemas, now, tenant.timezone());
        return !Filters.matches(wf.trigger().criteria(), wasContext);
    }

    private static List<PropertyChange> changes(CrmEvent event) {
        return event instanceof CrmEvent.PropertiesChanged pc ? pc.changes() : List.of();
    }
}
