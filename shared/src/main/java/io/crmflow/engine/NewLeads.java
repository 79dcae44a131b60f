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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates a lead in the default lead pipeline's first stage, associated both ways with the given
 * records, in one commit with its stage history and its "created" event — which the outbox then
 * publishes, so workflows and stage automation see the new lead like any other. The id comes
 * from the event that called for the lead: a redelivered event finds it made and adds nothing.
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

    /**
     * @param properties the lead's own (name, type, owner); pipeline and stage are set here
     * @return whether the lead was created now (false: the event had created it before)
     */
    boolean create(String tenantId, String leadId, Map<String, String> properties, List<RecordRef> associated,
                   Origin origin, Instant now) {
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
        writes.add(new Write.PutRecord(lead, 0));
        associated.forEach(other -> writes.add(new Write.PutAssociation(tenantId, new Association(lead.ref(), other, ""))));
        writes.add(new Write.EnqueueEvent(event, now.plus(settings.watchdog())));
        writes.addAll(StageChanges.ofCreated(lead, event));
        try {
            ports.writer().commit(writes);
        } catch (ConflictException e) {
            if (e.writeIndex() == 0 || ports.records().record(tenantId, lead.ref()).isPresent()) {
                return false;
            }
            throw e;
        }
        publisher.publishCommitted(List.of(event));
        return true;
    }
}
