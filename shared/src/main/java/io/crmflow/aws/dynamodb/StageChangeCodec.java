package io.crmflow.aws.dynamodb;

import io.crmflow.model.Origin;
import io.crmflow.model.StageChange;
import io.crmflow.store.Write;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A record's stage history ({@link StageChange}): items in the record's partition, sorted by the
 * record version each change made (two changes may share an instant, never a version), so the one
 * Query that reads a record's view brings them too, in order. Stateless.
 */
final class StageChangeCodec {
    private StageChangeCodec() {
    }

    static List<TransactWriteItem> append(String table, Write.AppendStageChange w) {
        StageChange c = w.change();
        Map<String, AttributeValue> item = Items.key(Keys.record(w.tenantId(), w.record()),
                Keys.stageChangeSk(c.recordVersion(), c.eventId()));
        item.put("property", Items.s(c.property()));
        Items.putIfPresent(item, "from", c.from());
        Items.putIfPresent(item, "to", c.to());
        item.put("at", Items.s(c.at().toString()));
        item.put("originKind", Items.s(c.origin().kind().name()));
        if (!c.origin().id().isEmpty()) {
            item.put("originId", Items.s(c.origin().id()));
        }
        item.put("eventId", Items.s(c.eventId()));
        item.put("recordVersion", Items.n(c.recordVersion()));
        return List.of(TransactItems.create(table, item));
    }

    static StageChange change(Map<String, AttributeValue> item) {
        String originId = Items.optionalStr(item, "originId");
        return new StageChange(Items.str(item, "property"), Items.optionalStr(item, "from"),
                Items.optionalStr(item, "to"), Items.instant(item, "at"),
                new Origin(Origin.Kind.valueOf(Items.str(item, "originKind")), originId),
                Items.str(item, "eventId"), Items.num(item, "recordVersion"));
    }
}
