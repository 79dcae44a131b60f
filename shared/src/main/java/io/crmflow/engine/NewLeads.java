package io.crmflow.engine;

import io.crmflow.model.Association;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.DefaultPipelines;
import io.crmflow.model.Origin;
import io.crmflow.model.Pipeline;
import io.crmflow.model.RecordRef;
import io.crmflow.model.StandardObjectTypes;
import io.crmflow.store.ConflictException;
import io.crmflow.store.Write;
import io.crmflow.store.WriteContentionException;
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
    private final EventPublisher publisher;

    NewLeads(Ports ports, EngineSettings settings) {
        this.ports = ports;
        this.settings = settings;
        this.publisher = new EventPublisher(ports.bus(), ports.outbox());
    }

    /** What came of a creation. */
    enum Outcome {
        CREATED,
        /** The cause had made its lead before (a redelivered event): nothing to do. */
        MADE_BEFORE,
        /** Another handler made a lead of that id, or was changing the same items: decide again on fresh reads. */
        COLLIDED
    }

    /**
     * @param cause      the exactly-once key of what called for the lead
     * @param properties the lead's own (name, type, owner); pipeline and stage are set here
     * @param associated at most {@link RecordActions#MOST_ASSOCIATED} records; the caller chooses which
     */
    Outcome create(String tenantId, String cause, String leadId, Map<String, String> properties,
                   List<RecordRef> associated, Origin origin, Instant now) {
        if (associated.size() > RecordActions.MOST_ASSOCIATED) {
            throw new IllegalArgumentException("a new lead is associated with at most " + RecordActions.MOST_ASSOCIATED
                    + " records, not " + associated.size());
        }
        Pipeline pipeline = LeadAutomationService.defaultPipeline(ports, tenantId);
        Map<String, String> values = new HashMap<>(properties);
        values.values().removeIf(v -> v == null || v.isBlank());
        values.put(Pipeline.pipelineProperty(StandardObjectTypes.LEAD), DefaultPipelines.LEAD_PIPELINE_ID);
        values.put(Pipeline.stageProperty(StandardObjectTypes.LEAD), pipeline.stages().get(0).id());
        values.put("hs_object_id", leadId);
        values.put("createdate", now.toString());
        CrmRecord lead = new CrmRecord(tenantId, StandardObjectTypes.LEAD, leadId, values, 1, now, now);
        var event = new CrmEvent.RecordCreated(ports.ids().get(), tenantId, lead.ref(), now, origin);
        List<Write> writes = new ArrayList<>();
        // First, so that a failed condition at index 0 reads "made before", whatever else failed with it.
        writes.add(new Write.PutEffectDone(tenantId, cause, "created lead " + leadId, now));
        writes.add(new Write.PutRecord(lead, 0));
        associated.forEach(other -> writes.add(new Write.PutAssociation(tenantId, new Association(lead.ref(), other, ""))));
        writes.add(new Write.EnqueueEvent(event, now.plus(settings.watchdog())));
        writes.addAll(StageChanges.ofCreated(lead, event));
        try {
            ports.writer().commit(writes);
        } catch (ConflictException | WriteContentionException e) {
            boolean madeBefore = e instanceof ConflictException c && c.writeIndex() == 0
                    || ports.effects().result(tenantId, cause).isPresent();
            return madeBefore ? Outcome.MADE_BEFORE : Outcome.COLLIDED;
        }
        publisher.publishCommitted(List.of(event));
        return Outcome.CREATED;
    }
}
