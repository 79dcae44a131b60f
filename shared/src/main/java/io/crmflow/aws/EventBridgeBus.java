package io.crmflow.aws;

import io.crmflow.json.EventCodec;
import io.crmflow.model.CrmEvent;
import io.crmflow.outbound.EventBus;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * Publishes CRM events to the EventBridge bus, ten per request (the PutEvents limit). Any entry
 * refused fails the call: consumers tolerate the duplicates a retry of the whole batch makes.
 * Thread-safe.
 */
public final class EventBridgeBus implements EventBus {
    private static final int BATCH = 10;
    private final EventBridgeClient client;
    private final String busName;
    private final String source;

    public EventBridgeBus(EventBridgeClient client, String busName, String source) {
        this.client = client;
        this.busName = busName;
        this.source = source;
    }

    @Override
    public void publish(List<CrmEvent> events) {
        for (int from = 0; from < events.size(); from += BATCH) {
            List<PutEventsRequestEntry> entries = new ArrayList<>();
            for (CrmEvent e : events.subList(from, Math.min(events.size(), from + BATCH))) {
                entries.add(PutEventsRequestEntry.builder()
                        .eventBusName(busName)
                        .source(source)
                        .detailType(e.detailType())
                        .detail(EventCodec.detail(e))
                        .time(e.occurredAt())
                        .build());
            }
            PutEventsResponse response = client.putEvents(r -> r.entries(entries));
            if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
                var firstFailure = response.entries().stream().filter(x -> x.errorCode() != null).findFirst();
                throw new IllegalStateException(response.failedEntryCount() + " event(s) refused by the bus"
                        + firstFailure.map(f -> ": " + f.errorCode() + " " + f.errorMessage()).orElse(""));
            }
        }
    }
}
