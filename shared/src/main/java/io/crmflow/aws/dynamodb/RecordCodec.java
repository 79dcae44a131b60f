package io.crmflow.aws.dynamodb;

import io.crmflow.model.Association;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.RecordRef;
import io.crmflow.store.Write;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Records and what lives in a record's partition beside it: associations (stored under both
 * records) and static-list markers (mirrored by a member item under the list).
 *
 * <p>Stateless; safe to use from any thread.
 */
final class RecordCodec {
    private RecordCodec() {
    }

    static Map<String, AttributeValue> key(String tenantId, RecordRef ref) {
        return Items.key(Keys.record(tenantId, ref), Keys.RECORD_SK);
    }

    static Map<String, AttributeValue> item(CrmRecord r) {
        Map<String, AttributeValue> item = key(r.tenantId(), r.ref());
        item.put(Keys.GSI1_PK, Items.s(Keys.recordsOfType(r.tenantId(), r.objectType())));
        item.put(Keys.GSI1_SK, Items.s(r.id()));
        item.put("tenantId", Items.s(r.tenantId()));
        item.put("objectType", Items.s(r.objectType()));
        item.put("id", Items.s(r.id()));
        item.put("properties", Items.stringMap(r.properties()));
        item.put("version", Items.n(r.version()));
        item.put("createdAt", Items.s(r.createdAt().toString()));
        item.put("updatedAt", Items.s(r.updatedAt().toString()));
        return item;
    }

    static CrmRecord record(Map<String, AttributeValue> item) {
        return new CrmRecord(Items.str(item, "tenantId"), Items.str(item, "objectType"), Items.str(item, "id"),
                Items.stringMapOf(item, "properties"), Items.num(item, "version"),
                Items.instant(item, "createdAt"), Items.instant(item, "updatedAt"));
    }

    static List<TransactWriteItem> put(String table, Write.PutRecord w) {
        return List.of(TransactItems.createOrReplace(table, item(w.record()), w.expectedVersion()));
    }

    static List<TransactWriteItem> associate(String table, Write.PutAssociation w) {
        Association a = w.association();
        TransactWriteItem forward = TransactItems.put(table, associationItem(w.tenantId(), a));
        if (a.from().equals(a.to())) {
            // Both directions are the same item, and a transaction may not write an item twice.
            return List.of(forward);
        }
        return List.of(forward, TransactItems.put(table, associationItem(w.tenantId(), a.reversed())));
    }

    private static Map<String, AttributeValue> associationItem(String tenantId, Association a) {
        Map<String, AttributeValue> item = Items.key(Keys.record(tenantId, a.from()), Keys.associationSk(a.to()));
        item.put("fromType", Items.s(a.from().objectType()));
        item.put("fromId", Items.s(a.from().id()));
        item.put("toType", Items.s(a.to().objectType()));
        item.put("toId", Items.s(a.to().id()));
        item.put("label", Items.s(a.label()));
        return item;
    }

    static Association association(Map<String, AttributeValue> item) {
        return new Association(new RecordRef(Items.str(item, "fromType"), Items.str(item, "fromId")),
                new RecordRef(Items.str(item, "toType"), Items.str(item, "toId")), Items.str(item, "label"));
    }

    static List<TransactWriteItem> membership(String table, Write.PutListMembership w) {
        Map<String, AttributeValue> marker = Items.key(Keys.record(w.tenantId(), w.member()),
                Keys.listMarkerSk(w.listId()));
        Map<String, AttributeValue> member = Items.key(Keys.list(w.tenantId(), w.listId()), Keys.memberSk(w.member()));
        if (!w.isMember()) {
            return List.of(TransactItems.delete(table, marker), TransactItems.delete(table, member));
        }
        marker.put("listId", Items.s(w.listId()));
        member.put("objectType", Items.s(w.member().objectType()));
        member.put("id", Items.s(w.member().id()));
        return List.of(TransactItems.put(table, marker), TransactItems.put(table, member));
    }

    static RecordRef member(Map<String, AttributeValue> item) {
        return new RecordRef(Items.str(item, "objectType"), Items.str(item, "id"));
    }

    static String listId(Map<String, AttributeValue> marker) {
        return Items.str(marker, "listId");
    }
}
