package io.crmflow.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template's table against DynamoDB Local's own validation. This uses DynamoDB Local's
 * in-process client, so that the request shape is checked without an HTTP server; the same
 * provisioning over HTTP is checked against an emulator in {@link MotoEndpointTest}.
 */
@DisplayName("R-RUN-2 TableProvisioner creates the single table with its indexes and TTL")
class TableProvisionerTest {

    static AmazonDynamoDBLocal dynamoDbLocal;
    static DynamoDbClient dynamoDb;

    @BeforeAll
    static void start() {
        // true disables DynamoDB Local's telemetry, which would otherwise try to reach AWS from a test.
        dynamoDbLocal = DynamoDBEmbedded.create(true);
        dynamoDb = dynamoDbLocal.dynamoDbClient();
    }

    @AfterAll
    static void stop() {
        dynamoDb.close();
        dynamoDbLocal.shutdown();
    }

    @Test
    void table_isActiveWithBothIndexesAndTtl() {
        ProvisionedResources.Table table = new TableProvisioner(dynamoDb).create(Fixtures.template().table(), "crm-a");

        TableDescription description = dynamoDb.describeTable(b -> b.tableName("crm-a")).table();
        assertThat(table.name()).isEqualTo("crm-a");
        assertThat(table.arn()).isEqualTo(description.tableArn());
        assertThat(description.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(description.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrder("gsi1", "due");
        assertThat(dynamoDb.describeTimeToLive(b -> b.tableName("crm-a")).timeToLiveDescription().attributeName())
                .isEqualTo("expiresAt");
    }

    @Test
    void creatingAgain_findsTheTableThatIsThere() {
        TableProvisioner provisioner = new TableProvisioner(dynamoDb);
        ProvisionedResources.Table first = provisioner.create(Fixtures.template().table(), "crm-b");

        ProvisionedResources.Table second = provisioner.create(Fixtures.template().table(), "crm-b");

        assertThat(second).isEqualTo(first);
    }
}
