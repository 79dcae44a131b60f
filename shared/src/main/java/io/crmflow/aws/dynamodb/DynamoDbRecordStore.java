package io.crmflow.aws.dynamodb;

import io.crmflow.model.Association;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.RecordRef;
import io.crmflow.store.Page;
import io.crmflow.store.RecordStore;
import io.crmflow.store.RecordView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Records from the single table: a record by key, a record with everything in its partition
 * in one Query, many records by BatchGetItem, a type's records through {@code gsi1}. Reads on
 * the table are strongly consistent, since the engine decides on what it has just written.
 *
 * <p>Thread-safe: holds only the (thread-safe) client and the table name.
 */
public final class DynamoDbRecordStore implements RecordStore {
    private final DynamoDbClient client;
    private final String table;

    public DynamoDbRecordStore(DynamoDbClient client, String tableName) {
        this.client = client;
        this.table = tableName;
    }

    @Override
    public Optional<CrmRecord> record(String tenantId, RecordRef ref) {
        return ConsistentGet.item(client, table, RecordCodec.key(tenantId, ref)).map(RecordCodec::record);
    }

    /**
     * One Query over the record's partition: the record, its associations, its list markers,
     * its workflow marks and its enrollment slots, which tell the trigger handler which workflows not to try.
     */
    @Override
    public Optional<RecordView> view(String tenantId, RecordRef ref) {
        QueryRequest query = Queries.partition(table, Keys.record(tenantId, ref));
        CrmRecord record = null;
        List<Association> associations = new ArrayList<>();
        Set<String> lists = new HashSet<>();
        Map<String, io.crmflow.store.EnrollmentSlot> slots = new HashMap<>();
        List<io.crmflow.store.WorkflowMark> marks = new ArrayList<>();
        List<io.crmflow.model.StageChange> stageChanges = new ArrayList<>(); // sort keys keep them oldest first
        for (Map<String, AttributeValue> item : Paging.all(client, query)) {
            String sk = item.get(Keys.SK).s();
            if (sk.equals(Keys.RECORD_SK)) {
                record = RecordCodec.record(item);
            } else if (sk.startsWith(Keys.ASSOCIATION_PREFIX)) {
                associations.add(RecordCodec.association(item));
            } else if (sk.startsWith(Keys.LIST_MARKER_PREFIX)) {
                lists.add(RecordCodec.listId(item));
            } else if (sk.startsWith(Keys.SLOT_PREFIX)) {
                slots.put(sk.substring(Keys.SLOT_PREFIX.length()), EnrollmentCodec.slot(item));
            } else if (sk.startsWith(Keys.MARK_PREFIX)) {
                marks.add(MarkCodec.mark(item));
            } else if (sk.startsWith(Keys.STAGE_CHANGE_PREFIX)) {
                stageChanges.add(StageChangeCodec.change(item));
            }
        }
        return record == null ? Optional.empty() : Optional.of(new RecordView(record, associations, lists, slots, marks,
                stageChanges));
    }

    @Override
    public List<CrmRecord> records(String tenantId, List<RecordRef> refs) {
        // BatchGetItem refuses a key asked twice, and answers in no particular order.
        List<RecordRef> distinct = List.copyOf(new LinkedHashSet<>(refs));
        Map<String, CrmRecord> byPk = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += BatchGet.MAX_KEYS) {
            List<Map<String, AttributeValue>> keys = distinct.subList(from, Math.min(distinct.size(),
                    from + BatchGet.MAX_KEYS)).stream().map(ref -> RecordCodec.key(tenantId, ref)).toList();
            BatchGet.items(client, table, keys).forEach(item -> byPk.put(item.get(Keys.PK).s(), RecordCodec.record(item)));
        }
        List<CrmRecord> found = new ArrayList<>();
        for (RecordRef ref : distinct) {
            CrmRecord r = byPk.get(Keys.record(tenantId, ref));
            if (r != null) {
                found.add(r);
            }
        }
        return found;
    }

    @Override
    public Page<CrmRecord> recordsOfType(String tenantId, String objectType, String cursor, int limit) {
        String partition = Keys.recordsOfType(tenantId, objectType);
        QueryRequest query = Queries.gsi1(table, partition, true);
        return Paging.page(client, query, Paging.Shape.GSI1, partition, cursor, limit, RecordCodec::record);
    }

    @Override
    public Page<RecordRef> listMembers(String tenantId, String listId, String cursor, int limit) {
        String partition = Keys.list(tenantId, listId);
        QueryRequest query = Queries.withPrefix(table, partition, Keys.LIST_MEMBER_PREFIX, true);
        return Paging.page(client, query, Paging.Shape.TABLE, partition, cursor, limit, RecordCodec::member);
    }
}
