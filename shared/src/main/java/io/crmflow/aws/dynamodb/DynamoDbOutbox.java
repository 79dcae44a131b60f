package io.crmflow.aws.dynamodb;

import io.crmflow.model.CrmEvent;
import io.crmflow.store.Outbox;
import io.crmflow.store.OutboxEntry;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The outbox in the single table: entries are written by the commit that caused them
 * ({@link OutboxCodec}), found through the sharded {@code due} index, deleted once published.
 *
 * <p>Thread-safe: holds only the (thread-safe) client and the table name.
 */
public final class DynamoDbOutbox implements Outbox {
    private static final System.Logger LOG = System.getLogger(DynamoDbOutbox.class.getName());
    private final DynamoDbClient client;
    private final String table;

    public DynamoDbOutbox(DynamoDbClient client, String tableName) {
        this.client = client;
        this.table = tableName;
    }

    @Override
    public List<OutboxEntry> dueEvents(Instant now, int limit) {
        List<OutboxEntry> entries = new java.util.ArrayList<>();
        for (var item : DueIndex.due(client, table, Keys::dueEventShard, now, limit)) {
            try {
                entries.add(OutboxCodec.entry(item));
            } catch (RuntimeException unreadable) {
                // An entry this build cannot read (written by a newer one, during a rollback) must
                // not stop the entries it can: it is left for a build that can.
                LOG.log(System.Logger.Level.WARNING, "skipping an outbox entry this build cannot read: " + unreadable);
            }
        }
        return entries;
    }

    @Override
    public void remove(String tenantId, String eventId) {
        client.deleteItem(b -> b.tableName(table).key(OutboxCodec.key(tenantId, eventId)));
    }

    /** One BatchWriteItem for up to 25 entries; a single entry, one DeleteItem. */
    @Override
    public void removeAll(List<CrmEvent> published) {
        if (published.size() == 1) {
            remove(published.get(0).tenantId(), published.get(0).eventId());
            return;
        }
        BatchDelete.items(client, table, published.stream().map(e -> OutboxCodec.key(e.tenantId(), e.eventId())).toList());
    }
}
