package io.crmflow.aws.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmflow.json.EventCodec;
import io.crmflow.json.Json;
import io.crmflow.model.CrmEvent;
import io.crmflow.store.OutboxEntry;
import io.crmflow.store.Write;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Outbox entries. {@link CrmEvent} is a sealed family without a type field of its own, so the
 * event is kept in an envelope, {@code {"detailType": ..., "event": {...}}}, and decoded by its
 * bus detail type: the same name the event travels under on EventBridge.
 *
 * <p>Stateless; safe to use from any thread.
 */
final class OutboxCodec {
    private OutboxCodec() {
    }

    static Map<String, AttributeValue> key(String tenantId, String eventId) {
        return Items.key(Keys.event(tenantId, eventId), Keys.EVENT_SK);
    }

    static List<TransactWriteItem> enqueue(String table, Write.EnqueueEvent w) {
        CrmEvent event = w.event();
        Map<String, AttributeValue> item = key(event.tenantId(), event.eventId());
        item.put(Keys.DUE_PK, Items.s(Keys.dueEventPk(event.eventId())));
        item.put(Keys.DUE_SK, Items.s(Keys.dueSk(w.dueAt(), event.tenantId(), event.eventId())));
        item.put("tenantId", Items.s(event.tenantId()));
        item.put("eventId", Items.s(event.eventId()));
        item.put("dueAt", Items.s(w.dueAt().toString()));
        item.put("event", Items.s(envelope(event)));
        return List.of(TransactItems.put(table, item));
    }

    static OutboxEntry entry(Map<String, AttributeValue> item) {
        return new OutboxEntry(event(Items.str(item, "event")), Items.instant(item, "dueAt"));
    }

    static String envelope(CrmEvent event) {
        ObjectNode envelope = Json.mapper().createObjectNode();
        envelope.put("detailType", event.detailType());
        envelope.set("event", Json.mapper().valueToTree(event));
        return Json.write(envelope);
    }

    static CrmEvent event(String envelope) {
        JsonNode tree = Json.tree(envelope);
        return EventCodec.fromDetail(tree.path("detailType").asText(), tree.get("event"));
    }
}
