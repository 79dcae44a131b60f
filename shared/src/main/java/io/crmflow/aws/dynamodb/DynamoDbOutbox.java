package io.crmflow.aws.dynamodb;

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
    private final DynamoDbClient client;
    private final String table;

    public DynamoDbOutbox(DynamoDbClient client, String tableName) {
        this.client = client;
        this.table = tableName;
    }

    @Override
    public List<OutboxEntry> dueEvents(Instant now, int limit) {
        return DueIndex.due(client, table, Keys::dueEventShard, now, limit).stream().map(OutboxCodec::entry).toList();
    }

    @Override
    public void remove(String tenantId, String eventId) {
        client.deleteItem(b -> b.tableName(table).key(OutboxCodec.key(tenantId, eventId)));
    }
}
