package io.crmflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Turns a PutEvents request entry into the event EventBridge would route — the envelope with
 * {@code version, id, detail-type, source, account, time, region, resources, detail} — or into
 * the per-entry error EventBridge would answer. Thread-safe.
 */
final class EventEnvelopes {

    /** EventBridge's limit on one entry, measured as its docs describe (Time counts 14 bytes). */
    static final int MAX_ENTRY_BYTES = 256 * 1024;

    /** One entry's outcome: an envelope, or an error code and message for the response entry. */
    record Outcome(ObjectNode envelope, String busName, String errorCode, String errorMessage) {
        boolean accepted() {
            return envelope != null;
        }
    }

    private final String region;
    private final String accountId;
    private final Clock clock;

    EventEnvelopes(String region, String accountId, Clock clock) {
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
    }

    Outcome envelope(JsonNode entry) {
        String source = entry.path("Source").asText("");
        String detailType = entry.path("DetailType").asText("");
        String detailText = entry.path("Detail").asText("");
        // AWS checks in this order and reports the first problem only.
        if (source.isEmpty()) {
            return rejected("InvalidArgument", "Parameter Source is not valid. Reason: Source is a required argument.");
        }
        if (detailType.isEmpty()) {
            return rejected("InvalidArgument",
                    "Parameter DetailType is not valid. Reason: DetailType is a required argument.");
        }
        if (detailText.isEmpty()) {
            return rejected("InvalidArgument", "Parameter Detail is not valid. Reason: Detail is a required argument.");
        }
        JsonNode detail = parseObject(detailText);
        if (detail == null) {
            return rejected("MalformedDetail", "Detail is malformed.");
        }
        if (size(entry, source, detailType, detailText) > MAX_ENTRY_BYTES) {
            return rejected("InvalidArgument", "Event entry size is over the limit of " + MAX_ENTRY_BYTES + " bytes.");
        }
        ObjectNode envelope = HttpExchanges.JSON.createObjectNode()
                .put("version", "0")
                .put("id", UUID.randomUUID().toString())
                .put("detail-type", detailType)
                .put("source", source)
                .put("account", accountId)
                .put("time", time(entry.get("Time")).truncatedTo(ChronoUnit.SECONDS).toString())
                .put("region", region);
        envelope.set("resources", entry.has("Resources") ? entry.get("Resources") : HttpExchanges.JSON.createArrayNode());
        envelope.set("detail", detail);
        return new Outcome(envelope, EventBusRegistry.busName(entry.path("EventBusName").asText("")), null, null);
    }

    private Instant time(JsonNode time) {
        if (time == null || time.isNull()) {
            return clock.instant();
        }
        // The SDK sends timestamps of the JSON protocol as (fractional) epoch seconds.
        BigDecimal seconds = time.decimalValue();
        return Instant.ofEpochSecond(seconds.longValue(),
                seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }

    private static int size(JsonNode entry, String source, String detailType, String detail) {
        int size = entry.hasNonNull("Time") ? 14 : 0;
        size += utf8(source) + utf8(detailType) + utf8(detail);
        for (JsonNode resource : entry.path("Resources")) {
            size += utf8(resource.asText());
        }
        return size;
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static JsonNode parseObject(String text) {
        try {
            JsonNode node = HttpExchanges.JSON.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Outcome rejected(String code, String message) {
        return new Outcome(null, null, code, message);
    }
}
