package io.crmflow.json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The envelope an EventBridge rule delivers to an SQS target ({@code {"detail-type": …,
 * "source": …, "detail": {…}}}), and the shape backfill pages share on the trigger queue: read
 * once, then decoded by the codec its {@code detail-type} names ({@link EventCodec},
 * {@link BackfillPageCodec}). Immutable.
 */
public final class Envelope {
    private final String detailType;
    private final JsonNode detail;

    private Envelope(String detailType, JsonNode detail) {
        this.detailType = detailType;
        this.detail = detail;
    }

    /** @throws JsonInputException when the text is not a JSON object with a textual detail-type */
    public static Envelope read(String envelopeJson) {
        JsonNode envelope = Json.tree(envelopeJson);
        if (envelope == null || !envelope.isObject()) {
            throw new JsonInputException("/", "expected an event envelope (a JSON object)");
        }
        JsonNode detailType = envelope.get("detail-type");
        if (detailType == null || !detailType.isTextual()) {
            throw new JsonInputException("/detail-type", "the envelope has no detail-type");
        }
        return new Envelope(detailType.asText(), envelope.get("detail"));
    }

    public String detailType() {
        return detailType;
    }

    /** The detail document; null when the envelope has none, which each codec refuses in its own words. */
    JsonNode detail() {
        return detail;
    }
}
