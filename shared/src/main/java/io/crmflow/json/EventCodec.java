package io.crmflow.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.model.CrmEvent;
import java.util.Map;

/**
 * Encodes CRM events as bus detail documents and decodes them from the envelopes the bus
 * delivers to queues ({@code {"detail-type": …, "source": …, "detail": {…}}}). Stateless.
 */
public final class EventCodec {
    private static final Map<String, Class<? extends CrmEvent>> TYPES = Map.of(
            CrmEvent.RecordCreated.DETAIL_TYPE, CrmEvent.RecordCreated.class,
            CrmEvent.PropertiesChanged.DETAIL_TYPE, CrmEvent.PropertiesChanged.class,
            CrmEvent.ActivityLogged.DETAIL_TYPE, CrmEvent.ActivityLogged.class,
            CrmEvent.ListMembershipChanged.DETAIL_TYPE, CrmEvent.ListMembershipChanged.class,
            CrmEvent.WorkflowMilestone.DETAIL_TYPE, CrmEvent.WorkflowMilestone.class,
            CrmEvent.EnrollmentRequested.DETAIL_TYPE, CrmEvent.EnrollmentRequested.class,
            CrmEvent.UnenrollmentRequested.DETAIL_TYPE, CrmEvent.UnenrollmentRequested.class);

    private EventCodec() {
    }

    public static String detail(CrmEvent event) {
        return Json.write(event);
    }

    public static CrmEvent fromDetail(String detailType, JsonNode detail) {
        Class<? extends CrmEvent> type = TYPES.get(detailType);
        if (type == null) {
            throw new JsonInputException("/detail-type", "unknown detail-type '" + detailType + "'; expected one of "
                    + TYPES.keySet().stream().sorted().toList());
        }
        if (detail == null || !detail.isObject()) {
            throw new JsonInputException("/detail", "detail must be a JSON object");
        }
        try {
            return Json.read(detail, type);
        } catch (JsonInputException e) {
            throw new JsonInputException("/detail" + (e.pointer().equals("/") ? "" : e.pointer()), e.getMessage());
        }
    }

    public static CrmEvent fromDetail(String detailType, String detailJson) {
        return fromDetail(detailType, Json.tree(detailJson));
    }

    /** Decodes the CRM event an envelope the bus delivered carries. */
    public static CrmEvent fromEnvelope(Envelope envelope) {
        return fromDetail(envelope.detailType(), envelope.detail());
    }
}
