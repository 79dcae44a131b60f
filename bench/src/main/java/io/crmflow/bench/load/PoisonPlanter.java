package io.crmflow.bench.load;

import io.crmflow.engine.Engine;
import io.crmflow.engine.Enrollment;
import io.crmflow.engine.StepMessage;
import io.crmflow.json.Json;
import io.crmflow.local.LocalStack;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import java.util.List;

/**
 * Puts one poison message where its kind says: on the bus through the engine's own bus adapter
 * (as the API publishes), raw on the bus, or straight on a work queue. Thread-safe.
 */
final class PoisonPlanter {
    private final LocalStack stack;
    private final Engine api;
    private final String tenant;
    private final String workflowId;

    PoisonPlanter(LocalStack stack, String tenant, String workflowId) {
        this.stack = stack;
        this.api = stack.engine("ApiFunction");
        this.tenant = tenant;
        this.workflowId = workflowId;
    }

    void plant(PoisonKind kind, String marker) {
        switch (kind) {
            case UNKNOWN_TENANT -> publish(new CrmEvent.RecordCreated(marker, "ghost-" + marker,
                    new RecordRef("contact", "c-0"), api.clock().instant(), Origin.api()));
            case UNKNOWN_RECORD -> publish(new CrmEvent.RecordCreated(marker, tenant,
                    new RecordRef("contact", marker), api.clock().instant(), Origin.api()));
            case UNDECODABLE_EVENT -> stack.clients().eventBridge().putEvents(b -> b.entries(e -> e
                    .eventBusName(stack.resources().eventBusName()).source("crmflow").detailType("crm.record.created")
                    .detail("{\"tenantId\": \"" + tenant + "\", \"record\": {\"objectType\": \"contact\", \"id\": \""
                            + marker + "\"}}")));
            case NOT_JSON -> send("TriggerQueue", "lifecyclestage=customer for " + marker + " (not JSON)");
            case STEP_OF_MISSING_ENROLLMENT -> send("StepQueue", Json.write(new StepMessage(tenant,
                    Enrollment.idFor(workflowId, new RecordRef("contact", marker)), 1)));
            case STEP_MISSING_FIELDS -> send("StepQueue", "{\"tenantId\": \"" + marker + "\"}");
        }
    }

    private void publish(CrmEvent event) {
        api.ports().bus().publish(List.of(event));
    }

    private void send(String queue, String body) {
        String url = stack.resources().queueUrl(queue);
        stack.clients().sqs().sendMessage(b -> b.queueUrl(url).messageBody(body));
    }
}
