package io.crmflow.engine;

import io.crmflow.definition.LeadAutomations;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.Origin;
import io.crmflow.model.Pipeline;
import io.crmflow.model.PropertyChange;
import io.crmflow.model.RecordRef;
import io.crmflow.model.StageChange;
import io.crmflow.model.StandardObjectTypes;
import io.crmflow.store.RecordView;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * R-LEAD-2: a lead of the default pipeline disqualified with one of the chosen disqualification
 * reasons gets a follow-up lead of the chosen type, in the first stage, associated with the same
 * contacts and companies (at most {@link RecordActions#MOST_ASSOCIATED}, contacts first).
 *
 * <p>Two changes call for it: the move to Disqualified, whose reason is the one the change set or
 * else the one the lead has; and, while the lead stays in Disqualified, a reason chosen afterwards
 * (the original product reacts "when a disqualification reason is selected"). Either way the
 * follow-up belongs to the stage change that disqualified the lead, read from its stage history:
 * its id and exactly-once key derive from it, so one disqualification makes one follow-up however
 * many times its reason changes or its events are delivered.
 */
final class LeadFollowUp implements EventAutomation {
    static final Origin ORIGIN = Origin.leadAutomation("follow-up-lead");
    static final String REASON = "hs_lead_disqualification_reason";
    private static final String STAGE = Pipeline.stageProperty(StandardObjectTypes.LEAD);
    /** Contacts before companies: the follow-up is about reaching the people again. */
    private static final List<String> FOLLOWED = List.of(StandardObjectTypes.CONTACT, StandardObjectTypes.COMPANY);
    private final Ports ports;
    private final NewLeads leads;

    LeadFollowUp(Ports ports, NewLeads leads) {
        this.ports = ports;
        this.leads = leads;
    }

    @Override
    public void onEvent(CrmEvent event, Optional<RecordView> viewAsRead, TriggerReads reads, Instant now) {
        if (!(event instanceof CrmEvent.PropertiesChanged changed)
                || !StandardObjectTypes.LEAD.equals(event.record().objectType())) {
            return;
        }
        boolean disqualifies = changed.changes().stream().anyMatch(LeadFollowUp::disqualifies);
        Optional<String> reasonChosen = changed.changes().stream().filter(c -> REASON.equals(c.property()))
                .findFirst().map(PropertyChange::to);
        if (!disqualifies && reasonChosen.isEmpty()) {
            return;
        }
        LeadAutomations.FollowUpLead settings = reads.leadAutomations(ports.definitions(), event.tenantId()).followUpLead();
        if (!settings.enabled()) {
            return;
        }
        Optional<RecordView> view = EventViews.forAttempt(1, viewAsRead,
                () -> ports.records().view(event.tenantId(), event.record()));
        if (view.isEmpty() || !Leads.inDefaultPipeline(view.get().record())) {
            return;
        }
        CrmRecord lead = view.get().record();
        Optional<StageChange> disqualification = disqualifies ? ownChange(view.get(), event.eventId())
                : currentDisqualification(view.get());
        String reason = reasonChosen.orElseGet(() -> lead.property(REASON).orElse(null));
        if (disqualification.isEmpty() || reason == null || !settings.disqualificationReasons().contains(reason)) {
            return;
        }
        long version = disqualification.get().recordVersion();
        Map<String, String> properties = new HashMap<>();
        properties.put("hs_lead_type", settings.leadType());
        lead.property("hs_lead_name").ifPresent(name -> properties.put("hs_lead_name", name));
        lead.property("hubspot_owner_id").ifPresent(owner -> properties.put("hubspot_owner_id", owner));
        String followUpId = LeadIds.followUp(lead.id(), version);
        OnceChanges.Outcome outcome = leads.create(event.tenantId(), LeadIds.followUpEffect(lead.id(), version),
                followUpId, properties, associated(view.get()), ORIGIN, now);
        // Its id is the disqualification's, so a collision normally means the follow-up exists; if it
        // does not, the commit met another at the same moment and must be tried again.
        if (outcome == OnceChanges.Outcome.COLLIDED && ports.records()
                .record(event.tenantId(), new RecordRef(StandardObjectTypes.LEAD, followUpId)).isEmpty()) {
            throw new ConcurrentChangeException("the follow-up of lead '" + lead.id() + "' met another change "
                    + "while it was saved; the event will be handled again");
        }
    }

    private static boolean disqualifies(PropertyChange c) {
        return STAGE.equals(c.property()) && LeadAutomations.DISQUALIFIED.equals(c.to());
    }

    /** The move to Disqualified this event made, as the stage history keeps it. */
    private static Optional<StageChange> ownChange(RecordView lead, String eventId) {
        return lead.stageChanges().stream().filter(c -> STAGE.equals(c.property()))
                .filter(c -> LeadAutomations.DISQUALIFIED.equals(c.to()))
                .filter(c -> StageChanges.madeBy(c, eventId))
                .findFirst();
    }

    /** The move that put the lead where it stands, if it stands in Disqualified. */
    private static Optional<StageChange> currentDisqualification(RecordView lead) {
        if (!LeadAutomations.DISQUALIFIED.equals(lead.record().property(STAGE).orElse(null))) {
            return Optional.empty();
        }
        return lead.stageChanges().stream().filter(c -> STAGE.equals(c.property()))
                .max(Comparator.comparingLong(StageChange::recordVersion))
                .filter(c -> LeadAutomations.DISQUALIFIED.equals(c.to()));
    }

    /** The contacts, then the companies, it is associated with, as many as one commit can hold. */
    private static List<RecordRef> associated(RecordView lead) {
        return lead.associations().stream().map(a -> a.to()).filter(to -> FOLLOWED.contains(to.objectType()))
                .sorted(Comparator.comparingInt(to -> FOLLOWED.indexOf(to.objectType())))
                .limit(RecordActions.MOST_ASSOCIATED).toList();
    }
}
