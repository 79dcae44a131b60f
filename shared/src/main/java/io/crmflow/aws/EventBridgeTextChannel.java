package io.crmflow.aws;

import io.crmflow.json.TextRequestCodec;
import io.crmflow.outbound.OutgoingText;
import io.crmflow.outbound.TextChannel;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Asks for each text with a {@value TextRequestCodec#DETAIL_TYPE} event on the deployment's
 * bus: which SMS or WhatsApp provider sends it is decided by the rules a deployment puts on
 * that event, not by the engine. Nothing is refused here for good, so a failure is left to
 * the step's retry. Thread-safe.
 */
public final class EventBridgeTextChannel implements TextChannel {
    private final EventBridgeClient client;
    private final String busName;
    private final String source;

    public EventBridgeTextChannel(EventBridgeClient client, String busName, String source) {
        this.client = client;
        this.busName = busName;
        this.source = source;
    }

    /** @return the bus's id for the event */
    @Override
    public String send(OutgoingText text) {
        PutEventsRequestEntry entry = PutEventsRequestEntry.builder()
                .eventBusName(busName)
                .source(source)
                .detailType(TextRequestCodec.DETAIL_TYPE)
                .detail(TextRequestCodec.detail(text))
                .build();
        PutEventsResultEntry result = client.putEvents(r -> r.entries(entry)).entries().get(0);
        if (result.errorCode() != null || result.eventId() == null) {
            throw new IllegalStateException("the bus refused the text request: " + result.errorCode() + " "
                    + result.errorMessage());
        }
        return result.eventId();
    }
}
