package io.crmflow.local.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmflow.json.EventCodec;
import io.crmflow.json.Json;
import io.crmflow.local.LocalStack;
import io.crmflow.model.CrmEvent;

/** What the bus rule puts on the trigger queue, for tests that deliver an event by hand. */
final class BusEnvelopes {
    private BusEnvelopes() {
    }

    /** The envelope the bus rule puts on the trigger queue for {@code event}. */
    static String of(CrmEvent event) {
        ObjectNode envelope = Json.mapper().createObjectNode();
        envelope.put("version", "0").put("id", "bus-" + event.eventId()).put("detail-type", event.detailType())
                .put("source", "crmflow").put("account", "000000000000").put("time", event.occurredAt().toString())
                .put("region", LocalStack.REGION).putArray("resources");
        envelope.set("detail", Json.tree(EventCodec.detail(event)));
        return envelope.toString();
    }
}
