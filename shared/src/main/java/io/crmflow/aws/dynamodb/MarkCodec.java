package io.crmflow.aws.dynamodb;

import io.crmflow.store.WorkflowMark;
import io.crmflow.store.Write;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A record's marks in workflows ({@link WorkflowMark}): items in the record's partition, so the
 * one Query that reads a record's view also tells which goals it met. Stateless.
 */
final class MarkCodec {
    private MarkCodec() {
    }

    static String sk(String workflowId, WorkflowMark.Kind kind) {
        return Keys.MARK_PREFIX + workflowId + "#" + kind.name();
    }

    /** A goal is met once, ever; a marketing mark may only move to a later goal generation. */
    static List<TransactWriteItem> put(String table, Write.PutWorkflowMark w) {
        WorkflowMark m = w.mark();
        Map<String, AttributeValue> item = Items.key(Keys.record(w.tenantId(), w.record()), sk(m.workflowId(), m.kind()));
        item.put("workflowId", Items.s(m.workflowId()));
        item.put("kind", Items.s(m.kind().name()));
        item.put("generation", Items.n(m.generation()));
        item.put("at", Items.s(m.at().toString()));
        if (m.kind() == WorkflowMark.Kind.GOAL_MET) {
            return List.of(TransactItems.create(table, item));
        }
        return List.of(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#pk) OR #generation < :generation")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#generation", "generation"))
                .expressionAttributeValues(Map.of(":generation", Items.n(m.generation()))).build()).build());
    }

    static WorkflowMark mark(Map<String, AttributeValue> item) {
        return new WorkflowMark(Items.str(item, "workflowId"), WorkflowMark.Kind.valueOf(Items.str(item, "kind")),
                Items.num(item, "generation"), Items.instant(item, "at"));
    }
}
