package io.crmflow.aws.dynamodb;

import io.crmflow.engine.Enrollment;
import io.crmflow.engine.EnrollmentStatus;
import io.crmflow.engine.HistoryEntry;
import io.crmflow.model.RecordRef;
import io.crmflow.store.DueStep;
import io.crmflow.store.Write;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Enrollments, the slot that makes a record's enrollment in a workflow unique, and history
 * entries. An enrollment is in the sparse due index exactly while it is not terminal and has a
 * due time: a Put without {@code duePk} takes it out.
 *
 * <p>Stateless; safe to use from any thread.
 */
final class EnrollmentCodec {
    private EnrollmentCodec() {
    }

    static Map<String, AttributeValue> key(String tenantId, String enrollmentId) {
        return Items.key(Keys.enrollment(tenantId, enrollmentId), Keys.ENROLLMENT_SK);
    }

    static Map<String, AttributeValue> slotKey(String tenantId, String workflowId, RecordRef record) {
        return Items.key(Keys.record(tenantId, record), Keys.slotSk(workflowId));
    }

    static Map<String, AttributeValue> item(Enrollment e) {
        Map<String, AttributeValue> item = key(e.tenantId(), e.id());
        item.put(Keys.GSI1_PK, Items.s(Keys.enrollmentsOf(e.tenantId(), e.workflowId())));
        item.put(Keys.GSI1_SK, Items.s(Keys.enrollmentsOfSk(e.enrolledAt(), e.id())));
        if (!e.status().terminal() && e.dueAt() != null) {
            item.put(Keys.DUE_PK, Items.s(Keys.dueStepPk(e.id())));
            item.put(Keys.DUE_SK, Items.s(Keys.dueSk(e.dueAt(), e.tenantId(), e.id())));
        }
        item.put("tenantId", Items.s(e.tenantId()));
        item.put("enrollmentId", Items.s(e.id()));
        item.put("workflowId", Items.s(e.workflowId()));
        item.put("workflowVersion", Items.n(e.workflowVersion()));
        item.put("recordType", Items.s(e.record().objectType()));
        item.put("recordId", Items.s(e.record().id()));
        item.put("status", Items.s(e.status().name()));
        Items.putIfPresent(item, "cursor", e.cursor());
        item.put("seq", Items.n(e.seq()));
        Items.putIfPresent(item, "dueAt", e.dueAt() == null ? null : e.dueAt().toString());
        item.put("enrolledAt", Items.s(e.enrolledAt().toString()));
        item.put("updatedAt", Items.s(e.updatedAt().toString()));
        item.put("historySize", Items.n(e.historySize()));
        item.put("version", Items.n(e.version()));
        return item;
    }

    static Enrollment enrollment(Map<String, AttributeValue> item) {
        return new Enrollment(Items.str(item, "tenantId"), Items.str(item, "enrollmentId"),
                Items.str(item, "workflowId"), Items.num(item, "workflowVersion"),
                new RecordRef(Items.str(item, "recordType"), Items.str(item, "recordId")),
                EnrollmentStatus.valueOf(Items.str(item, "status")), Items.optionalStr(item, "cursor"),
                Items.num(item, "seq"), Items.optionalInstant(item, "dueAt"), Items.instant(item, "enrolledAt"),
                Items.instant(item, "updatedAt"), Items.num(item, "historySize"), Items.num(item, "version"));
    }

    static DueStep dueStep(Map<String, AttributeValue> item) {
        // The index position, which a re-arm moves, leads the due sort key as epoch millis.
        Instant at = Instant.ofEpochMilli(Long.parseLong(Items.str(item, Keys.DUE_SK).substring(0, 13)));
        int resends = item.containsKey("resends") ? (int) Items.num(item, "resends") : 0;
        int failures = item.containsKey("failures") ? (int) Items.num(item, "failures") : 0;
        return new DueStep(Items.str(item, "tenantId"), Items.str(item, "enrollmentId"), Items.num(item, "seq"), at,
                resends, failures);
    }

    /**
     * A new enrollment also claims the record's slot in the workflow; both are creates. An
     * enrollment written in a terminal status frees its slot, on condition that the slot is
     * still its own.
     */
    static List<TransactWriteItem> put(String table, Write.PutEnrollment w) {
        Enrollment e = w.enrollment();
        if (w.expectedVersion() != 0) {
            TransactWriteItem replace = TransactItems.replace(table, item(e), w.expectedVersion());
            if (!e.status().terminal()) {
                return List.of(replace);
            }
            return List.of(replace, TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(slotKey(e.tenantId(), e.workflowId(), e.record()))
                    .conditionExpression("enrollmentId = :id")
                    .updateExpression("SET #live = :false")
                    .expressionAttributeNames(Map.of("#live", "live"))
                    .expressionAttributeValues(Map.of(":id", Items.s(e.id()),
                            ":false", AttributeValue.fromBool(false))))
                    .build());
        }
        Map<String, AttributeValue> slot = slotKey(e.tenantId(), e.workflowId(), e.record());
        slot.put("enrollmentId", Items.s(e.id()));
        slot.put("count", Items.n(1));
        slot.put("live", AttributeValue.fromBool(!e.status().terminal()));
        return List.of(TransactItems.create(table, item(e)), TransactItems.create(table, slot));
    }

    /** The new enrollment, and the slot claimed again: only if not live and still at the count seen. */
    static List<TransactWriteItem> reenroll(String table, Write.Reenroll w) {
        Enrollment e = w.enrollment();
        return List.of(TransactItems.create(table, item(e)), TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(slotKey(e.tenantId(), e.workflowId(), e.record()))
                .conditionExpression("#live = :false AND #count = :seen")
                .updateExpression("SET enrollmentId = :id, #count = :next, #live = :live")
                .expressionAttributeNames(Map.of("#live", "live", "#count", "count"))
                .expressionAttributeValues(Map.of(":false", AttributeValue.fromBool(false),
                        ":seen", Items.n(w.seenCount()), ":next", Items.n(w.seenCount() + 1L),
                        ":id", Items.s(e.id()), ":live", AttributeValue.fromBool(!e.status().terminal()))))
                .build());
    }

    /** Slots written before counts and liveness were kept read as a first, live enrollment. */
    static io.crmflow.store.EnrollmentSlot slot(Map<String, AttributeValue> item) {
        int count = item.containsKey("count") ? (int) Items.num(item, "count") : 1;
        boolean live = !item.containsKey("live") || Boolean.TRUE.equals(item.get("live").bool());
        return new io.crmflow.store.EnrollmentSlot(Items.str(item, "enrollmentId"), count, live);
    }

    static String slotEnrollmentId(Map<String, AttributeValue> slot) {
        return Items.str(slot, "enrollmentId");
    }

    static List<TransactWriteItem> append(String table, Write.AppendHistory w) {
        HistoryEntry h = w.entry();
        Map<String, AttributeValue> item = Items.key(Keys.enrollment(w.tenantId(), h.enrollmentId()),
                Keys.historySk(h.index()));
        item.put("enrollmentId", Items.s(h.enrollmentId()));
        item.put("index", Items.n(h.index()));
        item.put("at", Items.s(h.at().toString()));
        item.put("kind", Items.s(h.kind().name()));
        Items.putIfPresent(item, "actionId", h.actionId());
        Items.putIfPresent(item, "detail", h.detail());
        return List.of(TransactItems.create(table, item));
    }

    /** An atomic ADD on one of the counter's items (chosen by {@code spreadBy}), created on first use. */
    static List<TransactWriteItem> increment(String table, Write.IncrementCounter w) {
        return List.of(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Items.key(Keys.workflow(w.tenantId(), w.workflowId()), Keys.counterSk(w.counter(), w.spreadBy())))
                .updateExpression("ADD #count :one")
                .expressionAttributeNames(Map.of("#count", "count"))
                .expressionAttributeValues(Map.of(":one", Items.n(1)))).build());
    }

    static HistoryEntry historyEntry(Map<String, AttributeValue> item) {
        return new HistoryEntry(Items.str(item, "enrollmentId"), Items.num(item, "index"), Items.instant(item, "at"),
                HistoryEntry.Kind.valueOf(Items.str(item, "kind")), Items.optionalStr(item, "actionId"),
                Items.optionalStr(item, "detail"));
    }
}
