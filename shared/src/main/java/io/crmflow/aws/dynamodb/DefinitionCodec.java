package io.crmflow.aws.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.json.Json;
import io.crmflow.store.Write;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Tenants and definitions, each kept whole as JSON in a {@code json} attribute (the one JSON
 * mapping, {@link Json}), with the few attributes conditions and readers need beside it.
 *
 * <p>Stateless; safe to use from any thread.
 */
final class DefinitionCodec {
    static final String JSON = "json";

    private DefinitionCodec() {
    }

    /**
     * Reads what this adapter wrote, ignoring fields it does not know: during a deployment an
     * older function may read an item a newer one wrote, and that must not fail the step.
     */
    static <T> T read(Map<String, AttributeValue> item, Class<T> type) {
        try {
            return Json.mapper().readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(Items.str(item, JSON));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " at " + item.get(Keys.PK)
                    + " does not read back: " + e.getOriginalMessage(), e);
        }
    }

    /** The key and the value as JSON; callers add the attributes their conditions and indexes need. */
    static Map<String, AttributeValue> jsonItem(String pk, String sk, Object value) {
        Map<String, AttributeValue> item = Items.key(pk, sk);
        item.put(JSON, Items.s(Json.write(value)));
        return item;
    }

    static List<TransactWriteItem> tenant(String table, Write.PutTenant w) {
        return List.of(TransactItems.create(table, jsonItem(Keys.tenant(w.tenant().id()), Keys.TENANT_SK, w.tenant())));
    }

    /**
     * The signing secret's reference only ({@code signingSecretRef}: its name and version in the
     * secret store); the write refuses settings holding the secret itself. Items written before
     * the secret store hold it as {@code signingSecret}, which still reads.
     */
    static List<TransactWriteItem> webhookSettings(String table, Write.PutWebhookSettings w) {
        return List.of(TransactItems.put(table,
                jsonItem(Keys.tenant(w.tenantId()), Keys.WEBHOOK_SETTINGS_SK, w.settings())));
    }

    static List<TransactWriteItem> objectType(String table, Write.PutObjectType w) {
        return List.of(TransactItems.put(table,
                jsonItem(Keys.tenant(w.tenantId()), Keys.objectTypeSk(w.type().name()), w.type())));
    }

    /** The definition, listed in the tenant's lists by id. */
    static List<TransactWriteItem> list(String table, Write.PutList w) {
        Map<String, AttributeValue> item = jsonItem(Keys.list(w.tenantId(), w.list().id()), Keys.LIST_DEFINITION_SK,
                w.list());
        item.put(Keys.GSI1_PK, Items.s(Keys.lists(w.tenantId())));
        item.put(Keys.GSI1_SK, Items.s(w.list().id()));
        return List.of(TransactItems.put(table, item));
    }

    static List<TransactWriteItem> pipeline(String table, Write.PutPipeline w) {
        return List.of(TransactItems.put(table,
                jsonItem(Keys.pipelines(w.tenantId(), w.pipeline().objectType()), w.pipeline().id(), w.pipeline())));
    }

    static List<TransactWriteItem> ticketEmailRules(String table, Write.PutTicketEmailRules w) {
        return List.of(TransactItems.put(table,
                jsonItem(Keys.ticketEmailRules(w.tenantId()), w.rules().pipelineId(), w.rules())));
    }

    static List<TransactWriteItem> emailTemplate(String table, Write.PutEmailTemplate w) {
        return List.of(TransactItems.put(table, jsonItem(Keys.tenant(w.tenantId()),
                Keys.emailTemplateSk(w.template().id()), w.template())));
    }

    static List<TransactWriteItem> comment(String table, Write.PutActionComment w) {
        var c = w.comment();
        return List.of(TransactItems.create(table, jsonItem(Keys.workflow(w.tenantId(), c.workflowId()),
                Keys.commentSk(c.at(), c.id()), c)));
    }

    /**
     * Keyed by the pipeline they belong to, the default lead pipeline, on condition of the version
     * read. Expecting none, the condition is that the item has no version: absent, or saved before
     * settings had versions (they read as version 0), so such an item can still be saved over.
     */
    static List<TransactWriteItem> leadAutomations(String table, Write.PutLeadAutomations w) {
        Map<String, AttributeValue> item = jsonItem(Keys.leadAutomations(w.tenantId()),
                io.crmflow.definition.LeadAutomations.PIPELINE_ID, w.automations());
        item.put("version", Items.n(w.automations().version()));
        if (w.expectedVersion() != 0) {
            return List.of(TransactItems.replace(table, item, w.expectedVersion()));
        }
        return List.of(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#version) OR #version = :zero")
                .expressionAttributeNames(Map.of("#version", "version"))
                .expressionAttributeValues(Map.of(":zero", Items.n(0))).build()).build());
    }

    /** The current definition, its immutable version copy, and its trigger-index entry. */
    static List<TransactWriteItem> workflow(String table, Write.PutWorkflow w) {
        WorkflowDefinition d = w.workflow();
        String pk = Keys.workflow(d.tenantId(), d.id());
        Map<String, AttributeValue> current = jsonItem(pk, Keys.CURRENT_SK, d);
        current.put(Keys.GSI1_PK, Items.s(Keys.workflows(d.tenantId())));
        current.put(Keys.GSI1_SK, Items.s(d.id()));
        current.put("version", Items.n(d.version()));
        current.put("objectType", Items.s(d.objectType()));
        Map<String, AttributeValue> copy = jsonItem(pk, Keys.workflowVersionSk(d.version()), d);
        copy.put("version", Items.n(d.version()));
        Map<String, AttributeValue> trigger = jsonItem(Keys.triggers(d.tenantId(), d.objectType()), d.id(), d);
        TransactWriteItem triggerWrite = d.enabled() && !d.trigger().isManual()
                ? TransactItems.put(table, trigger)
                : TransactItems.delete(table, Items.key(Keys.triggers(d.tenantId(), d.objectType()), d.id()));
        return List.of(currentWrite(table, current, w.expectedVersion(), d.objectType()),
                TransactItems.create(table, copy), triggerWrite);
    }

    /**
     * The trigger index is keyed by object type, so a workflow that changed type would leave a
     * stale entry under the old one; the condition keeps a workflow on the type it began with.
     */
    private static TransactWriteItem currentWrite(String table, Map<String, AttributeValue> current, long expected,
                                                  String objectType) {
        if (expected == 0) {
            return TransactItems.create(table, current);
        }
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(current)
                .conditionExpression("#version = :expected AND #objectType = :objectType")
                .expressionAttributeNames(Map.of("#version", "version", "#objectType", "objectType"))
                .expressionAttributeValues(Map.of(":expected", Items.n(expected), ":objectType", Items.s(objectType)))
                .build()).build();
    }
}
