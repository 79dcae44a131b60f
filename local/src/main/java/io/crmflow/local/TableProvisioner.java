package io.crmflow.local;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

/**
 * Creates the template's DynamoDB table on any endpoint (DynamoDB Local, moto, LocalStack) and
 * waits until it is active. Kept apart from {@link Provisioner} because the table has its own
 * server locally and can be created, or re-created, on its own. Thread-safe.
 */
public final class TableProvisioner {

    private final DynamoDbClient dynamoDb;

    public TableProvisioner(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    /** Creates the table (or finds it, if it is already there) and switches its TTL on. */
    public ProvisionedResources.Table create(TableSpec spec, String tableName) {
        String arn;
        try {
            CreateTableResponse created = dynamoDb.createTable(spec.createTableRequest(tableName));
            arn = created.tableDescription().tableArn();
        } catch (ResourceInUseException alreadyThere) {
            // A persistent local database keeps the table between runs; its shape is the template's already.
            arn = describe(tableName).table().tableArn();
        }
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(tableName));
        spec.timeToLiveAttribute().ifPresent(attribute -> enableTimeToLive(tableName, attribute));
        return new ProvisionedResources.Table(tableName, arn);
    }

    private void enableTimeToLive(String tableName, String attribute) {
        boolean enabled = "ENABLED".equals(dynamoDb.describeTimeToLive(b -> b.tableName(tableName))
                .timeToLiveDescription().timeToLiveStatusAsString());
        if (!enabled) {
            dynamoDb.updateTimeToLive(b -> b.tableName(tableName).timeToLiveSpecification(
                    TimeToLiveSpecification.builder().attributeName(attribute).enabled(true).build()));
        }
    }

    private DescribeTableResponse describe(String tableName) {
        return dynamoDb.describeTable(b -> b.tableName(tableName));
    }
}
