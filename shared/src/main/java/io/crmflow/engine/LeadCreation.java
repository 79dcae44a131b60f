package io.crmflow.engine;

import io.crmflow.definition.LeadAutomations;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.LifecycleStage;
import io.crmflow.model.Origin;
import io.crmflow.model.Pipeline;
import io.crmflow.model.PropertyChange;
import io.crmflow.model.RecordRef;
import io.crmflow.model.StandardObjectTypes;
import io.crmflow.store.RecordView;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * R-LEAD-1: a contact created in, or changed to, one of the chosen lifecycle stages gets a lead in
 * the default pipeline's first stage, named after it and associated with it. Not when the change
 * came from a company's lifecycle-stage sync, and not when the contact already has an open lead:
 * the salesperson works that one.
 *
 * <p>Checking for an open lead and then writing one is not atomic, so the lead's id is derived
 * from the contact and the number of leads it has: two handlers that both found no open lead
 * (a contact moved to two chosen stages in quick succession) write the same lead, the second
 * commit fails, and its handler reads again and finds the first one's lead open.
 */
final class LeadCreation implements EventAutomation {
    static final Origin ORIGIN = Origin.leadAutomation("create-lead");
    private static final int ATTEMPTS = 3;
    private final Ports ports;
    private final NewLeads leads;

    LeadCreation(Ports ports, NewLeads leads) {
        this.ports = ports;
        this.leads = leads;
    }

    @Override
    public void onEvent(CrmEvent event, Optional<RecordView> viewAsRead, TriggerReads reads, Instant now) {
        if (!StandardObjectTypes.CONTACT.equals(event.record().objectType())
                || event.origin().kind() == Origin.Kind.LIFECYCLE_SYNC) {
            return;
        }
        boolean created = event instanceof CrmEvent.RecordCreated;
        Optional<String> reached = event instanceof CrmEvent.PropertiesChanged changed ? reached(changed)
                : Optional.empty();
        if (!created && reached.isEmpty()) {
            return;
        }
        LeadAutomations.CreateLead settings = reads.leadAutomations(ports.definitions(), event.tenantId()).createLead();
        if (!settings.enabled()) {
            return;
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<RecordView> contact = EventViews.forAttempt(attempt, viewAsRead,
                    () -> ports.records().view(event.tenantId(), event.record()));
            if (contact.isEmpty()) {
                return;
            }
            String stage = created ? createdIn(contact.get(), event.eventId()) : reached.get();
            List<RecordRef> leads = Leads.ofContact(contact.get());
            if (stage == null || !settings.lifecycleStages().contains(stage) || hasOpenLead(event.tenantId(), leads)) {
                return;
            }
            String leadId = LeadIds.contactLead(event.record().id(), leads.size());
            OnceChanges.Outcome outcome = this.leads.create(event.tenantId(), LeadIds.contactLeadEffect(event.eventId()),
                    leadId, properties(contact.get().record()), List.of(event.record()), ORIGIN, now);
            if (outcome != OnceChanges.Outcome.COLLIDED) {
                return;
            }
        }
        throw new ConcurrentChangeException("contact '" + event.record().id() + "' kept getting leads while "
                + "its own was created; the event will be handled again");
    }

    /** The lifecycle stage the change reached, if it changed it. */
    private static Optional<String> reached(CrmEvent.PropertiesChanged changed) {
        return changed.changes().stream().filter(c -> LifecycleStage.PROPERTY.equals(c.property()))
                .map(PropertyChange::to).filter(to -> to != null).findFirst();
    }

    /** The stage it was created in, as its stage history keeps it: it may have moved on since. */
    private static String createdIn(RecordView contact, String eventId) {
        return contact.stageChanges().stream()
                .filter(c -> LifecycleStage.PROPERTY.equals(c.property()))
                .filter(c -> StageChanges.madeBy(c, eventId))
                .map(c -> c.to()).findFirst()
                .orElseGet(() -> contact.record().property(LifecycleStage.PROPERTY).orElse(null));
    }

    /** A lead whose stage is not a closed one of its pipeline (unknown stages count as open, to make no duplicate). */
    private boolean hasOpenLead(String tenantId, List<RecordRef> refs) {
        if (refs.isEmpty()) {
            return false;
        }
        Map<String, Optional<Pipeline>> pipelines = new HashMap<>();
        for (CrmRecord lead : ports.records().records(tenantId, refs)) {
            String pipelineId = lead.property(Pipeline.pipelineProperty(StandardObjectTypes.LEAD)).orElse("");
            String stage = lead.property(Pipeline.stageProperty(StandardObjectTypes.LEAD)).orElse("");
            Optional<Pipeline> pipeline = pipelines.computeIfAbsent(pipelineId, id -> id.isEmpty() ? Optional.empty()
                    : ports.definitions().pipeline(tenantId, StandardObjectTypes.LEAD, id));
            boolean closed = pipeline.flatMap(p -> p.stage(stage)).map(s -> !s.open()).orElse(false);
            if (!closed) {
                return true;
            }
        }
        return false;
    }

    /** Named after the contact, and owned by its owner, as a person creating it by hand would. */
    private static Map<String, String> properties(CrmRecord contact) {
        String name = (contact.property("firstname").orElse("") + " " + contact.property("lastname").orElse("")).strip();
        if (name.isEmpty()) {
            name = contact.property("email").orElse("Contact " + contact.id());
        }
        Map<String, String> properties = new HashMap<>();
        properties.put("hs_lead_name", name);
        contact.property("hubspot_owner_id").ifPresent(owner -> properties.put("hubspot_owner_id", owner));
        return properties;
    }
}
