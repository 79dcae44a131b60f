package io.crmflow.aws.dynamodb;

import io.crmflow.engine.Backfill;
import io.crmflow.store.Write;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A workflow's backfill job (R-WF-8), kept in the workflow's partition beside its definition and
 * counters. It is in the sparse due index exactly while running: a Put of an ended job, which
 * has no due time, takes it out.
 *
 * <p>Stateless; safe to use from any thread.
 */
final class BackfillCodec {
    private BackfillCodec() {
    }

    static Map<String, AttributeValue> key(String tenantId, String workflowId) {
        return Items.key(Keys.workflow(tenantId, workflowId), Keys.BACKFILL_SK);
    }

    static List<TransactWriteItem> put(String table, Write.PutBackfill w) {
        return List.of(TransactItems.createOrReplace(table, item(w.backfill()), w.expectedVersion()));
    }

    static Map<String, AttributeValue> item(Backfill b) {
        Map<String, AttributeValue> item = key(b.tenantId(), b.workflowId());
        if (b.dueAt() != null) {
            item.put(Keys.DUE_PK, Items.s(Keys.dueBackfillPk(b.tenantId(), b.workflowId())));
            item.put(Keys.DUE_SK, Items.s(Keys.dueSk(b.dueAt(), b.tenantId(), b.workflowId())));
        }
        item.put("tenantId", Items.s(b.tenantId()));
        item.put("workflowId", Items.s(b.workflowId()));
        item.put("run", Items.n(b.run()));
        item.put("workflowVersion", Items.n(b.workflowVersion()));
        item.put("state", Items.s(b.state().name()));
        item.put("page", Items.n(b.page()));
        Items.putIfPresent(item, "cursor", b.cursor());
        item.put("examined", Items.n(b.examined()));
        item.put("startedAt", Items.s(b.startedAt().toString()));
        item.put("updatedAt", Items.s(b.updatedAt().toString()));
        Items.putIfPresent(item, "finishedAt", b.finishedAt() == null ? null : b.finishedAt().toString());
        Items.putIfPresent(item, "dueAt", b.dueAt() == null ? null : b.dueAt().toString());
        item.put("resends", Items.n(b.resends()));
        Items.putIfPresent(item, "detail", b.detail());
        item.put("version", Items.n(b.version()));
        return item;
    }

    static Backfill backfill(Map<String, AttributeValue> item) {
        return new Backfill(Items.str(item, "tenantId"), Items.str(item, "workflowId"), Items.num(item, "run"),
                Items.num(item, "workflowVersion"), Backfill.State.valueOf(Items.str(item, "state")),
                Items.num(item, "page"), Items.optionalStr(item, "cursor"), Items.num(item, "examined"),
                Items.instant(item, "startedAt"), Items.instant(item, "updatedAt"),
                Items.optionalInstant(item, "finishedAt"), Items.optionalInstant(item, "dueAt"),
                (int) Items.num(item, "resends"), Items.optionalStr(item, "detail"), Items.num(item, "version"));
    }
}
