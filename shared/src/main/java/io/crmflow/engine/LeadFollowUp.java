package io.crmflow.engine;

import io.crmflow.definition.LeadAutomations;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.DefaultPipelines;
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
import java.util.Set;

/**
 * R-LEAD-2: a lead of the default pipeline moved to Disqualified with one of the chosen
 * disqualification reasons gets a follow-up lead of the chosen type, in the first stage,
 * associated with the same contacts and companies. The reason is the one the change set, or else
 * the one the lead already had.
 */
final class LeadFollowUp implements EventAutomation {
    static final Origin ORIGIN = Origin.leadAutomation("follow-up-lead");
    static final String REASON = "hs_lead_disqualification_reason";
    private static final Set<String> FOLLOWED = Set.of(StandardObjectTypes.CONTACT, StandardObjectTypes.COMPANY);
    private final Ports ports;
    private final NewLeads leads;

    LeadFollowUp(Ports ports, NewLeads leads) {
        this.ports = ports;
        this.leads = leads;
    }

    @Override
    public void onEvent(CrmEvent event, Instant now) {
        if (!(event instanceof CrmEvent.PropertiesChanged changed)
                || !StandardObjectTypes.LEAD.equals(event.record().objectType())
                || changed.changes().stream().noneMatch(LeadFollowUp::disqualifies)) {
            return;
        }
        LeadAutomations.FollowUpLead settings = LeadAutomationService.current(ports, event.tenantId()).followUpLead();
        if (!settings.enabled()) {
            return;
        }
        Optional<RecordView> view = ports.records().view(event.tenantId(), event.record());
        if (view.isEmpty() || !DefaultPipelines.LEAD_PIPELINE_ID.equals(view.get().record()
                .property(Pipeline.pipelineProperty(StandardObjectTypes.LEAD)).orElse(null))) {
            return;
        }
        CrmRecord lead = view.get().record();
        String reason = changed.changes().stream().filter(c -> REASON.equals(c.property())).findFirst()
                .map(PropertyChange::to).orElseGet(() -> lead.property(REASON).orElse(null));
        if (reason == null || !settings.disqualificationReasons().contains(reason)) {
            return;
        }
        List<RecordRef> associated = view.get().associations().stream().map(a -> a.to())
                .filter(to -> FOLLOWED.contains(to.objectType())).toList();
        Map<String, String> properties = new HashMap<>();
        properties.put("hs_lead_type", settings.leadType());
        lead.property("hs_lead_name").ifPresent(name -> properties.put("hs_lead_name", name));
        lead.property("hubspot_owner_id").ifPresent(owner -> properties.put("hubspot_owner_id", owner));
        leads.create(event.tenantId(), LeadIds.lead(event.eventId()), properties, associated, ORIGIN, now);
    }

    private static boolean disqualifies(PropertyChange c) {
        return Pipeline.stageProperty(StandardObjectTypes.LEAD).equals(c.property())
                && LeadAutomations.DISQUALIFIED.equals(c.to());
    }
}
