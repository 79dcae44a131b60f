package io.crmflow.engine;

import io.crmflow.model.Association;
import io.crmflow.model.DefaultPipelines;
import io.crmflow.model.Origin;
import io.crmflow.model.Pipeline;
import io.crmflow.model.RecordRef;
import io.crmflow.model.StandardObjectTypes;
import io.crmflow.store.Write;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates a lead in the default lead pipeline's first stage, associated both ways with the given
 * records, in one commit with its stage history, its "created" event — which the outbox then
 * publishes, so workflows and stage automation see the new lead like any other — and an effect
 * marker keyed by what called for the lead. The marker makes it once per cause under redelivery;
 * the lead's id, which the caller derives so that two handlers deciding the same lead at once
 * name the same one, makes the second of them collide.
 */
final class NewLeads {
    private final Ports ports;
    private final EngineSettings settings;
    private final OnceChanges once;

    NewLeads(Ports ports, EngineSettings settings) {
        this.ports = ports;
        this.settings = settings;
        this.once = new OnceChanges(ports, settings);
    }

    /**
     * @param cause      the exactly-once key of what called for the lead
     * @param properties the lead's own (name, type, owner); pipeline and stage are set here
     * @param associated at most {@link RecordActions#MOST_ASSOCIATED} records; the caller chooses which
     * @return {@link OnceChanges.Outcome#DONE_BEFORE} when the cause made its lead before (a
     *         redelivered event); {@link OnceChanges.Outcome#COLLIDED} when another handler made a
     *         lead of that id, or was changing the same items: decide again on fresh reads
     */
    OnceChanges.Outcome create(String tenantId, String cause, String leadId, Map<String, String> properties,
                               List<RecordRef> associated, Origin origin, Instant now) {
        if (associated.size() > RecordActions.MOST_ASSOCIATED) {
            throw new IllegalArgumentException("a new lead is associated with at most " + RecordActions.MOST_ASSOCIATED
                    + " records, not " + associated.size());
        }
        Pipeline pipeline = LeadAutomationService.defaultPipeline(ports, tenantId);
        Map<String, String> values = new HashMap<>(properties);
        // Copied from other records, where a value of spaces may stand: a lead is not named that.
        values.values().removeIf(v -> v == null || v.isBlank());
        values.put(Pipeline.pipelineProperty(StandardObjectTypes.LEAD), DefaultPipelines.LEAD_PIPELINE_ID);
        values.put(Pipeline.stageProperty(StandardObjectTypes.LEAD), pipeline.stages().get(0).id());
        var lead = RecordWrites.created(tenantId, StandardObjectTypes.LEAD, leadId, values, origin, ports.ids().get(),
                now, settings.watchdog());
        List<Write> writes = new ArrayList<>(lead.writes());
        associated.forEach(other -> writes.add(new Write.PutAssociation(tenantId,
                new Association(lead.record().ref(), other, ""))));
        return once.commit(tenantId, cause, "created lead " + leadId, writes, List.of(lead.event()), now);
    }
}
