package io.crmflow.engine;

import io.crmflow.model.CrmRecord;
import io.crmflow.model.DefaultPipelines;
import io.crmflow.model.Pipeline;
import io.crmflow.model.RecordRef;
import io.crmflow.model.StandardObjectTypes;
import io.crmflow.store.RecordView;
import java.util.List;

/** What the lead automations ask of the records they read, answered one way for all of them. Pure. */
final class Leads {
    private Leads() {
    }

    /** The leads a contact is associated with, as its view lists them. */
    static List<RecordRef> ofContact(RecordView contact) {
        return contact.associations().stream().map(a -> a.to())
                .filter(to -> StandardObjectTypes.LEAD.equals(to.objectType())).toList();
    }

    /** Whether a lead is in the default lead pipeline, the only one the templated automations act in. */
    static boolean inDefaultPipeline(CrmRecord lead) {
        return DefaultPipelines.LEAD_PIPELINE_ID.equals(
                lead.property(Pipeline.pipelineProperty(StandardObjectTypes.LEAD)).orElse(null));
    }
}
