package io.crmflow.functions.common;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.json.Json;

/**
 * The ids a queue message is about, read from its body for the log lines about it: a failing
 * message is then found by tenant, record, workflow or enrollment without its body — which may
 * carry property values — ever being logged. Reading never fails: a body that cannot be read
 * gives the message id alone. Stateless.
 */
@FunctionalInterface
public interface MessageIds {
    LogIds of(SQSMessage message);

    /** The message id only. */
    MessageIds MESSAGE = message -> LogIds.message(message.getMessageId());

    /** A step message: tenant, enrollment, the workflow the enrollment is in, and the step number. */
    MessageIds STEP = message -> {
        JsonNode step = body(message);
        String enrollment = text(step, "/enrollmentId");
        return LogIds.message(message.getMessageId()).with("tenantId", text(step, "/tenantId"))
                .with("workflowId", enrollment == null ? null : enrollment.split("~", 2)[0])
                .with("enrollmentId", enrollment).with("seq", text(step, "/seq"));
    };

    /** A bus envelope on the trigger queue: a CRM event (tenant, record, event) or a backfill page (tenant, workflow). */
    MessageIds EVENT = message -> {
        JsonNode envelope = body(message);
        return LogIds.message(message.getMessageId()).with("detailType", text(envelope, "/detail-type"))
                .with("tenantId", text(envelope, "/detail/tenantId"))
                .with("eventId", text(envelope, "/detail/eventId"))
                .with("objectType", text(envelope, "/detail/record/objectType"))
                .with("recordId", text(envelope, "/detail/record/id"))
                .with("workflowId", text(envelope, "/detail/workflowId"));
    };

    private static JsonNode body(SQSMessage message) {
        try {
            return Json.tree(message.getBody() == null ? "{}" : message.getBody());
        } catch (RuntimeException unreadable) {
            return Json.mapper().createObjectNode();
        }
    }

    private static String text(JsonNode node, String pointer) {
        JsonNode value = node.at(pointer);
        return value.isValueNode() ? value.asText() : null;
    }
}
