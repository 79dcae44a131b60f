package io.crmflow.local;

import io.crmflow.outbound.OutgoingText;
import java.util.Objects;

/**
 * One SMS or WhatsApp message the engine asked for, as the bus delivered the request. Immutable.
 *
 * @param eventId the bus's id for the request, which the engine recorded as the text's id
 */
public record RequestedText(String eventId, OutgoingText text) {
    public RequestedText {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(text, "text");
    }
}
