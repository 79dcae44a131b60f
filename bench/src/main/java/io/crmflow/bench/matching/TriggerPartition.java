package io.crmflow.bench.matching;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The trigger index's partition in the table as the DynamoDB adapter writes it — one item per
 * triggered workflow: key {@code T#{tenant}#TRIGGERS#{objectType}} / {@code {workflowId}} and
 * the whole definition as JSON in {@code json} (docs/data-model.md) — which the trigger handler
 * reads whole on every event. Its size follows DynamoDB's rule: each attribute's name plus its
 * value, strings in UTF-8.
 */
final class TriggerPartition {
    /** A Query returns at most this much per page. */
    static final long PAGE_BYTES = 1024 * 1024;
    /** A strongly consistent read costs one read unit per this much of the items a page returns. */
    static final long READ_UNIT_BYTES = 4096;
    private static final ObjectReader READER = Json.mapper().readerFor(WorkflowDefinition.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TriggerPartition() {
    }

    static List<String> json(List<WorkflowDefinition> workflows) {
        return workflows.stream().map(Json::write).toList();
    }

    /** As the adapter reads an item's definition back. */
    static WorkflowDefinition decode(String json) {
        try {
            return READER.readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of the items of the workflows' trigger partition. */
    static long bytes(List<WorkflowDefinition> workflows) {
        long total = 0;
        for (WorkflowDefinition wf : workflows) {
            total += utf8("pk") + utf8("T#" + wf.tenantId() + "#TRIGGERS#" + wf.objectType())
                    + utf8("sk") + utf8(wf.id())
                    + utf8("json") + utf8(Json.write(wf));
        }
        return total;
    }

    /** Query pages and strongly consistent read units of reading the whole partition once. */
    static long pages(long bytes) {
        return Math.max(1, (bytes + PAGE_BYTES - 1) / PAGE_BYTES);
    }

    static long readUnits(long bytes) {
        return (bytes + READ_UNIT_BYTES - 1) / READ_UNIT_BYTES;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
