package io.crmflow.aws.dynamodb;

import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.Enrollment;
import io.crmflow.engine.HistoryEntry;
import io.crmflow.model.RecordRef;
import io.crmflow.store.DefinitionStore;
import io.crmflow.store.DueStep;
import io.crmflow.store.EnrollmentStore;
import io.crmflow.store.Page;
import io.crmflow.store.RecordStore;
import io.crmflow.store.StepStart;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Enrollments from the single table: by key; by record through its slot item; a workflow's
 * enrollments through {@code gsi1}; history from the enrollment's own partition; due steps
 * from the sharded {@code due} index.
 *
 * <p>Thread-safe: holds only the (thread-safe) client and the table name.
 */
public final class DynamoDbEnrollmentStore implements EnrollmentStore {
    private final DynamoDbClient client;
    private final String table;

    public DynamoDbEnrollmentStore(DynamoDbClient client, String tableName) {
        this.client = client;
        this.table = tableName;
    }

    @Override
    public Optional<Enrollment> enrollment(String tenantId, String enrollmentId) {
        return get(EnrollmentCodec.key(tenantId, enrollmentId)).map(EnrollmentCodec::enrollment);
    }

    /**
     * One strongly consistent BatchGetItem for the three items, when the id names the workflow
     * and the record ({@link Enrollment#named}, as every enrollment's does); any other id, or an
     * enrollment found naming others, has them read after it.
     */
    @Override
    public StepStart stepStart(String tenantId, String enrollmentId, DefinitionStore definitions,
                               RecordStore records) {
        Optional<Enrollment.Named> named = Enrollment.named(enrollmentId);
        if (named.isEmpty()) {
            return EnrollmentStore.super.stepStart(tenantId, enrollmentId, definitions, records);
        }
        Map<String, AttributeValue> enrollmentKey = EnrollmentCodec.key(tenantId, enrollmentId);
        Map<String, AttributeValue> workflowKey = Items.key(Keys.workflow(tenantId, named.get().workflowId()),
                Keys.CURRENT_SK);
        Map<String, AttributeValue> recordKey = RecordCodec.key(tenantId, named.get().record());
        List<Map<String, AttributeValue>> items = BatchGet.items(client, table,
                List.of(enrollmentKey, workflowKey, recordKey));
        Optional<Enrollment> e = itemAt(items, enrollmentKey).map(EnrollmentCodec::enrollment);
        if (e.isEmpty()) {
            return StepStart.NOTHING;
        }
        if (!e.get().workflowId().equals(named.get().workflowId()) || !e.get().record().equals(named.get().record())) {
            return EnrollmentStore.super.stepStart(tenantId, enrollmentId, definitions, records);
        }
        return new StepStart(e, itemAt(items, workflowKey).map(i -> DefinitionCodec.read(i, WorkflowDefinition.class)),
                itemAt(items, recordKey).map(RecordCodec::record));
    }

    private static Optional<Map<String, AttributeValue>> itemAt(List<Map<String, AttributeValue>> items,
                                                                Map<String, AttributeValue> key) {
        return items.stream().filter(i -> key.get(Keys.PK).equals(i.get(Keys.PK)) && key.get(Keys.SK).equals(i.get(Keys.SK)))
                .findFirst();
    }

    @Override
    public Optional<Enrollment> enrollmentOf(String tenantId, String workflowId, RecordRef record) {
        return get(EnrollmentCodec.slotKey(tenantId, workflowId, record))
                .flatMap(slot -> enrollment(tenantId, EnrollmentCodec.slotEnrollmentId(slot)));
    }

    @Override
    public Map<String, Long> counters(String tenantId, String workflowId) {
        QueryRequest query = Queries.withPrefix(table, Keys.workflow(tenantId, workflowId), Keys.COUNTER_PREFIX, true);
        Map<String, Long> counters = new java.util.TreeMap<>();
        for (Map<String, AttributeValue> item : Paging.all(client, query)) {
            counters.merge(Keys.counterName(item.get(Keys.SK).s()), Items.num(item, "count"), Long::sum);
        }
        return counters;
    }

    @Override
    public Page<HistoryEntry> history(String tenantId, String enrollmentId, String cursor, int limit) {
        String partition = Keys.enrollment(tenantId, enrollmentId);
        QueryRequest query = Queries.withPrefix(table, partition, Keys.HISTORY_PREFIX, false);
        return Paging.page(client, query, Paging.Shape.TABLE, partition, cursor, limit, EnrollmentCodec::historyEntry);
    }

    @Override
    public Page<Enrollment> enrollmentsOf(String tenantId, String workflowId, String cursor, int limit) {
        String partition = Keys.enrollmentsOf(tenantId, workflowId);
        QueryRequest query = Queries.gsi1(table, partition, false);
        return Paging.page(client, query, Paging.Shape.GSI1, partition, cursor, limit, EnrollmentCodec::enrollment);
    }

    @Override
    public List<DueStep> dueSteps(Instant now, int limit) {
        return DueIndex.due(client, table, Keys::dueStepShard, now, limit).stream()
                .map(EnrollmentCodec::dueStep).toList();
    }

    /** Changes only the due time (and the version, so a handler holding the old one re-reads). */
    @Override
    public boolean rearm(DueStep step, Instant newDue) {
        try {
            client.updateItem(b -> b.tableName(table)
                    .key(EnrollmentCodec.key(step.tenantId(), step.enrollmentId()))
                    // Only the index position moves: dueAt stays the wait's end, and the version stays
                    // so a step committing meanwhile is not failed by the sweeper's bookkeeping. The
                    // seen position in the condition makes a stale index read a no-op.
                    .conditionExpression("#seq = :seq AND #dueSk = :seen")
                    .updateExpression("SET #dueSk = :dueSk ADD #resends :one")
                    .expressionAttributeNames(Map.of("#seq", "seq", "#dueSk", Keys.DUE_SK, "#resends", "resends"))
                    .expressionAttributeValues(Map.of(":seq", Items.n(step.seq()),
                            ":seen", Items.s(Keys.dueSk(step.dueAt(), step.tenantId(), step.enrollmentId())),
                            ":dueSk", Items.s(Keys.dueSk(newDue, step.tenantId(), step.enrollmentId())),
                            ":one", Items.n(1))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void recordFailure(String tenantId, String enrollmentId, long seq) {
        try {
            client.updateItem(b -> b.tableName(table)
                    .key(EnrollmentCodec.key(tenantId, enrollmentId))
                    .conditionExpression("#seq = :seq AND attribute_exists(#duePk)")
                    .updateExpression("ADD #failures :one")
                    .expressionAttributeNames(Map.of("#seq", "seq", "#duePk", Keys.DUE_PK, "#failures", "failures"))
                    .expressionAttributeValues(Map.of(":seq", Items.n(seq), ":one", Items.n(1))));
        } catch (ConditionalCheckFailedException movedOn) {
            // the step has moved on or ended: its failure no longer matters
        }
    }

    @Override
    public Optional<io.crmflow.engine.Backfill> backfill(String tenantId, String workflowId) {
        return get(BackfillCodec.key(tenantId, workflowId)).map(BackfillCodec::backfill);
    }

    @Override
    public List<io.crmflow.engine.Backfill> dueBackfills(Instant now, int limit) {
        return DueIndex.due(client, table, Keys::dueBackfillShard, now, limit).stream()
                .map(BackfillCodec::backfill).toList();
    }

    private Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        return ConsistentGet.item(client, table, key);
    }
}
