package io.crmflow.aws.dynamodb;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * The one table crmflow keeps everything in, as template.yaml declares it: keys {@code pk} and
 * {@code sk}; {@code gsi1} for listings (records of a type, workflows, a workflow's
 * enrollments); the sparse {@code due} index for timers and the outbox; TTL on
 * {@code expiresAt}; on-demand billing; a stream of new and old images. Used by the local
 * stack and the tests to create the table; in AWS the template creates it.
 *
 * <p>Stateless and thread-safe.
 */
public final class CrmTable {
    public static final String GSI1 = Keys.GSI1;
    public static final String DUE_INDEX = Keys.DUE;
    public static final String TIME_TO_LIVE_ATTRIBUTE = Keys.EXPIRES_AT;

    private CrmTable() {
    }

    public static CreateTableRequest createTableRequest(String name) {
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string(Keys.PK), string(Keys.SK), string(Keys.GSI1_PK), string(Keys.GSI1_SK),
                        string(Keys.DUE_PK), string(Keys.DUE_SK))
                .keySchema(keys(Keys.PK, Keys.SK))
                .globalSecondaryIndexes(index(Keys.GSI1, Keys.GSI1_PK, Keys.GSI1_SK),
                        index(Keys.DUE, Keys.DUE_PK, Keys.DUE_SK))
                .streamSpecification(StreamSpecification.builder()
                        .streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build())
                .build();
    }

    /** TTL is not part of CreateTable; this is the call that switches it on. */
    public static UpdateTimeToLiveRequest timeToLiveRequest(String name) {
        return UpdateTimeToLiveRequest.builder().tableName(name)
                .timeToLiveSpecification(b -> b.enabled(true).attributeName(Keys.EXPIRES_AT)).build();
    }

    /** Creates the table, waits until it is active, and switches TTL on. */
    public static void create(DynamoDbClient client, String name) {
        client.createTable(createTableRequest(name));
        client.waiter().waitUntilTableExists(b -> b.tableName(name));
        client.updateTimeToLive(timeToLiveRequest(name));
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static List<KeySchemaElement> keys(String partition, String sort) {
        return List.of(KeySchemaElement.builder().attributeName(partition).keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName(sort).keyType(KeyType.RANGE).build());
    }

    private static GlobalSecondaryIndex index(String name, String partition, String sort) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(keys(partition, sort))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build();
    }
}
