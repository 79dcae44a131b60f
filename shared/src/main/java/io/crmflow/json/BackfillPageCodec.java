package io.crmflow.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.engine.BackfillPage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Backfill pages (R-WF-8) travel on the trigger queue beside the CRM events the bus delivers
 * there, in the same envelope shape ({@link Envelope}), so the trigger handler tells them apart
 * by {@code detail-type} alone. Stateless.
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
     * The page an envelope of {@link #DETAIL_TYPE} carries.
     *
     * @throws JsonInputException when the envelope carries something else, or a page that does not fit
     */
    public static BackfillPage fromEnvelope(Envelope envelope) {
        if (!DETAIL_TYPE.equals(envelope.detailType())) {
            throw new JsonInputException("/detail-type", "expected a backfill page envelope, '" + DETAIL_TYPE
                    + "', not '" + envelope.detailType() + "'");
        }
        JsonNode detail = envelope.detail();
        if (detail == null || !detail.isObject()) {
            throw new JsonInputException("/detail", "a backfill page envelope needs its page as a JSON object");
        }
        try {
            return Json.read(detail, BackfillPage.class);
        } catch (JsonInputException e) {
            throw new JsonInputException("/detail" + (e.pointer().equals("/") ? "" : e.pointer()), e.getMessage());
        }
    }
}
