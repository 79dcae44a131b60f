package io.crmflow.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.definition.JourneyNodes;
import io.crmflow.outbound.OutgoingText;
import java.util.Locale;

/**
 * The bus event that asks for an SMS or WhatsApp message to be sent: the one contract between
 * the engine and whatever provider a deployment routes it to, so its shape is decided here
 * only. Stateless.
 */
public final class TextRequestCodec {
    /** Not under "crm.": the bus rule that feeds the trigger queue must never take one. */
    public static final String DETAIL_TYPE = "text.requested";

    /** The detail as a provider's integration reads it; the channel in lower case, as the API writes it. */
    private record Detail(String tenantId, String channel, String to, String body, String idempotencyKey) {
    }

    private TextRequestCodec() {
    }

    public static String detail(OutgoingText text) {
        return Json.write(new Detail(text.tenantId(), text.channel().name().toLowerCase(Locale.ROOT), text.to(),
                text.body(), text.idempotencyKey()));
    }

    /**
     * The text an envelope of {@link #DETAIL_TYPE}, as the bus delivered it, asks for.
     *
     * @throws JsonInputException when the envelope carries something else, or a detail that does not fit
     */
    public static OutgoingText fromEnvelope(Envelope envelope) {
        if (!DETAIL_TYPE.equals(envelope.detailType())) {
            throw new JsonInputException("/detail-type", "expected '" + DETAIL_TYPE + "', not '"
                    + envelope.detailType() + "'");
        }
        JsonNode detail = envelope.detail();
        if (detail == null || !detail.isObject()) {
            throw new JsonInputException("/detail", "a text request needs its detail as a JSON object");
        }
        Detail read;
        try {
            read = Json.read(detail, Detail.class);
        } catch (JsonInputException e) {
            throw new JsonInputException("/detail" + (e.pointer().equals("/") ? "" : e.pointer()), e.getMessage());
        }
        return new OutgoingText(read.tenantId(), channel(read.channel()), read.to(), read.body(),
                read.idempotencyKey());
    }

    private static JourneyNodes.TextKind channel(String name) {
        for (JourneyNodes.TextKind kind : JourneyNodes.TextKind.values()) {
            if (kind.name().equalsIgnoreCase(name)) {
                return kind;
            }
        }
        throw new JsonInputException("/detail/channel", "expected 'sms' or 'whatsapp', not '" + name + "'");
    }
}
