package io.crmflow.aws.dynamodb;

import io.crmflow.journey.Journey;
import io.crmflow.journey.JourneyDefinition;
import io.crmflow.journey.JourneyVersion;
import io.crmflow.journey.StageVersion;
import io.crmflow.store.JourneyStore;
import io.crmflow.store.Page;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Customer journeys from the single table: each item by key, a journey's history and a stage's
 * by a Query on the journey's partition, newest first, and a tenant's journeys through
 * {@code gsi1}.
 *
 * <p>Thread-safe: holds only the (thread-safe) client and the table name.
 */
public final class DynamoDbJourneyStore implements JourneyStore {
    private final DynamoDbClient client;
    private final String table;

    public DynamoDbJourneyStore(DynamoDbClient client, String tableName) {
        this.client = client;
        this.table = tableName;
    }

    @Override
    public Optional<Journey> journey(String tenantId, String journeyId) {
        return json(Keys.journey(tenantId, journeyId), Keys.JOURNEY_SK, Journey.class);
    }

    @Override
    public Page<Journey> journeys(String tenantId, String cursor, int limit) {
        String partition = Keys.journeys(tenantId);
        QueryRequest query = Queries.gsi1(table, partition, true);
        return Paging.page(client, query, Paging.Shape.GSI1, partition, cursor, limit,
                item -> DefinitionCodec.read(item, Journey.class));
    }

    @Override
    public Optional<JourneyDefinition> journeyDefinition(String tenantId, String journeyId, long version) {
        return json(Keys.journey(tenantId, journeyId), Keys.journeyDefinitionSk(version), JourneyDefinition.class);
    }

    @Override
    public Optional<JourneyVersion> journeyVersion(String tenantId, String journeyId, long version) {
        return json(Keys.journey(tenantId, journeyId), Keys.journeyVersionSk(version), JourneyVersion.class);
    }

    @Override
    public Page<JourneyVersion> journeyVersions(String tenantId, String journeyId, String cursor, int limit) {
        return newestFirst(Keys.journey(tenantId, journeyId), Keys.JOURNEY_VERSION_PREFIX, cursor, limit,
                JourneyVersion.class);
    }

    @Override
    public Page<StageVersion> stageVersions(String tenantId, String journeyId, String stageId, String cursor,
                                            int limit) {
        return newestFirst(Keys.journey(tenantId, journeyId), Keys.stageVersionPrefix(stageId), cursor, limit,
                StageVersion.class);
    }

    @Override
    public Optional<String> eligibilityHolder(String tenantId, String key) {
        return get(Keys.eligibility(tenantId, key), Keys.ELIGIBILITY_SK).map(i -> Items.str(i, "journeyId"));
    }

    @Override
    public long journeysOwned(String tenantId, String userId) {
        return get(Keys.journeysOwned(tenantId, userId), Keys.OWNED_SK).map(i -> Items.num(i, "count")).orElse(0L);
    }

    private <T> Page<T> newestFirst(String pk, String prefix, String cursor, int limit, Class<T> type) {
        QueryRequest query = Queries.withPrefix(table, pk, prefix, false);
        return Paging.page(client, query, Paging.Shape.TABLE, pk, cursor, limit, item -> DefinitionCodec.read(item, type));
    }

    private <T> Optional<T> json(String pk, String sk, Class<T> type) {
        return ConsistentGet.json(client, table, Items.key(pk, sk), type);
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        return ConsistentGet.item(client, table, Items.key(pk, sk));
    }
}
