package io.crmflow.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.engine.BackfillPage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Backfill pages (R-WF-8) travel on the trigger queue beside the CRM events the bus delivers
 * there, in the same envelope shape, so the trigger handler tells them apart by
 * {@code detail-type} alone. Stateless.
 */
public final class BackfillPageCodec {
    /** Not under "crm.": the bus rule that feeds the trigger queue can never take one for a CRM event. */
    public static final String DETAIL_TYPE = "crmflow.backfill.page";

    private BackfillPageCodec() {
    }

    public static String envelope(BackfillPage page) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("detail-type", DETAIL_TYPE);
        envelope.put("detail", page);
        return Json.write(envelope);
    }

    /**
     * The page an envelope carries; empty when it carries something else, which is then for
     * {@link EventCodec#fromEnvelope} to read (or to refuse with a precise reason).
     *
     * @throws JsonInputException when it is a page envelope whose page does not fit
     */
    public static Optional<BackfillPage> fromEnvelope(String envelopeJson) {
        JsonNode envelope;
        try {
            envelope = Json.tree(envelopeJson);
        } catch (JsonInputException notJson) {
            return Optional.empty();
        }
        if (envelope == null || !envelope.isObject() || !DETAIL_TYPE.equals(envelope.path("detail-type").asText())) {
            return Optional.empty();
        }
        JsonNode detail = envelope.get("detail");
        if (detail == null || !detail.isObject()) {
            throw new JsonInputException("/detail", "a backfill page envelope needs its page as a JSON object");
        }
        try {
            return Optional.of(Json.read(detail, BackfillPage.class));
        } catch (JsonInputException e) {
            throw new JsonInputException("/detail" + (e.pointer().equals("/") ? "" : e.pointer()), e.getMessage());
        }
    }
}
