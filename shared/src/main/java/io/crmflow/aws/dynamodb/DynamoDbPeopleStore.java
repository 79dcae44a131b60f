package io.crmflow.aws.dynamodb;

import io.crmflow.model.Notification;
import io.crmflow.model.Team;
import io.crmflow.model.User;
import io.crmflow.store.Page;
import io.crmflow.store.PeopleStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Users, teams and notifications from the single table: each user or team by key, several by
 * BatchGetItem (a notification's recipients), a tenant's users and teams and a user's
 * notifications through {@code gsi1}.
 *
 * <p>Thread-safe: holds only the (thread-safe) client and the table name.
 */
public final class DynamoDbPeopleStore implements PeopleStore {
    private final DynamoDbClient client;
    private final String table;

    public DynamoDbPeopleStore(DynamoDbClient client, String tableName) {
        this.client = client;
        this.table = tableName;
    }

    @Override
    public Optional<User> user(String tenantId, String userId) {
        return ConsistentGet.json(client, table, PeopleCodec.userKey(tenantId, userId), User.class);
    }

    @Override
    public Optional<Team> team(String tenantId, String teamId) {
        return ConsistentGet.json(client, table, PeopleCodec.teamKey(tenantId, teamId), Team.class);
    }

    @Override
    public List<User> users(String tenantId, Collection<String> userIds) {
        return batch(userIds, id -> PeopleCodec.userKey(tenantId, id), User.class);
    }

    @Override
    public List<Team> teams(String tenantId, Collection<String> teamIds) {
        return batch(teamIds, id -> PeopleCodec.teamKey(tenantId, id), Team.class);
    }

    @Override
    public Page<User> users(String tenantId, String cursor, int limit) {
        return listing(Keys.users(tenantId), true, cursor, limit, User.class);
    }

    @Override
    public Page<Team> teams(String tenantId, String cursor, int limit) {
        return listing(Keys.teams(tenantId), true, cursor, limit, Team.class);
    }

    @Override
    public Page<Notification> notifications(String tenantId, String userId, String cursor, int limit) {
        return listing(Keys.notificationsOf(tenantId, userId), false, cursor, limit, Notification.class);
    }

    /** BatchGetItem refuses a key asked twice and takes at most 100 keys a call. */
    private <T> List<T> batch(Collection<String> ids, Function<String, Map<String, AttributeValue>> keyOf,
                              Class<T> type) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        List<T> found = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += BatchGet.MAX_KEYS) {
            List<Map<String, AttributeValue>> keys = distinct.subList(from, Math.min(distinct.size(),
                    from + BatchGet.MAX_KEYS)).stream().map(keyOf).toList();
            BatchGet.items(client, table, keys).forEach(item -> found.add(DefinitionCodec.read(item, type)));
        }
        return found;
    }

    private <T> Page<T> listing(String partition, boolean ascending, String cursor, int limit, Class<T> type) {
        QueryRequest query = Queries.gsi1(table, partition, ascending);
        return Paging.page(client, query, Paging.Shape.GSI1, partition, cursor, limit,
                item -> DefinitionCodec.read(item, type));
    }
}
