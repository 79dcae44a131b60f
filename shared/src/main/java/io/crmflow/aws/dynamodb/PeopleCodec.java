package io.crmflow.aws.dynamodb;

import io.crmflow.json.Json;
import io.crmflow.model.Notification;
import io.crmflow.store.Write;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Users, teams and in-app notifications, each kept whole as JSON like definitions, with the
 * {@code gsi1} keys that list them: a tenant's users and teams by id, a user's notifications by
 * time. A notification lives in its user's partition under its id.
 *
 * <p>Stateless; safe to use from any thread.
 */
final class PeopleCodec {
    private PeopleCodec() {
    }

    static Map<String, AttributeValue> userKey(String tenantId, String userId) {
        return Items.key(Keys.user(tenantId, userId), Keys.USER_SK);
    }

    static Map<String, AttributeValue> teamKey(String tenantId, String teamId) {
        return Items.key(Keys.team(tenantId, teamId), Keys.TEAM_SK);
    }

    static List<TransactWriteItem> user(String table, Write.PutUser w) {
        Map<String, AttributeValue> item = json(userKey(w.tenantId(), w.user().id()), w.user());
        item.put(Keys.GSI1_PK, Items.s(Keys.users(w.tenantId())));
        item.put(Keys.GSI1_SK, Items.s(w.user().id()));
        return List.of(TransactItems.put(table, item));
    }

    static List<TransactWriteItem> team(String table, Write.PutTeam w) {
        Map<String, AttributeValue> item = json(teamKey(w.tenantId(), w.team().id()), w.team());
        item.put(Keys.GSI1_PK, Items.s(Keys.teams(w.tenantId())));
        item.put(Keys.GSI1_SK, Items.s(w.team().id()));
        return List.of(TransactItems.put(table, item));
    }

    /** Created once: a repeat of the same id fails the commit it is in. */
    static List<TransactWriteItem> notification(String table, Write.PutNotification w) {
        Notification n = w.notification();
        Map<String, AttributeValue> item = json(Items.key(Keys.user(w.tenantId(), n.userId()),
                Keys.notificationSk(n.id())), n);
        item.put(Keys.GSI1_PK, Items.s(Keys.notificationsOf(w.tenantId(), n.userId())));
        item.put(Keys.GSI1_SK, Items.s(Keys.notificationsOfSk(n.at(), n.id())));
        return List.of(TransactItems.create(table, item));
    }

    private static Map<String, AttributeValue> json(Map<String, AttributeValue> key, Object value) {
        key.put(DefinitionCodec.JSON, Items.s(Json.write(value)));
        return key;
    }
}
