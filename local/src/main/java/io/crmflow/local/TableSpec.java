package io.crmflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

import java.util.List;
import java.util.Optional;

import static io.crmflow.local.TemplateNodes.list;
import static io.crmflow.local.TemplateNodes.text;

/**
 * An {@code AWS::DynamoDB::Table} of the template. The definition is an SDK request without a
 * table name, because the physical name is chosen when provisioning. Immutable.
 *
 * @param timeToLiveAttribute the attribute of an enabled {@code TimeToLiveSpecification}
 */
public record TableSpec(String logicalId, CreateTableRequest definition, Optional<String> timeToLiveAttribute) {

    /** The request that creates this table under the given physical name. */
    public CreateTableRequest createTableRequest(String tableName) {
        return definition.toBuilder().tableName(tableName).build();
    }

    static TableSpec from(String logicalId, JsonNode properties) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .attributeDefinitions(list(properties.path("AttributeDefinitions"), a -> AttributeDefinition.builder()
                        .attributeName(text(a, "AttributeName")).attributeType(text(a, "AttributeType")).build()))
                .keySchema(keySchema(properties.path("KeySchema")));
        List<GlobalSecondaryIndex> globalIndexes = list(properties.path("GlobalSecondaryIndexes"), TableSpec::globalIndex);
        if (!globalIndexes.isEmpty()) {
            request.globalSecondaryIndexes(globalIndexes);
        }
        List<LocalSecondaryIndex> localIndexes = list(properties.path("LocalSecondaryIndexes"), i -> LocalSecondaryIndex
                .builder().indexName(text(i, "IndexName")).keySchema(keySchema(i.path("KeySchema")))
                .projection(projection(i.path("Projection"))).build());
        if (!localIndexes.isEmpty()) {
            request.localSecondaryIndexes(localIndexes);
        }
        billing(properties, request);
        JsonNode stream = properties.path("StreamSpecification");
        if (stream.has("StreamViewType")) {
            request.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true).streamViewType(text(stream, "StreamViewType")).build());
        }
        JsonNode ttl = properties.path("TimeToLiveSpecification");
        Optional<String> ttlAttribute = ttl.path("Enabled").asBoolean(false)
                ? Optional.of(text(ttl, "AttributeName")) : Optional.empty();
        return new TableSpec(logicalId, request.build(), ttlAttribute);
    }

    private static void billing(JsonNode properties, CreateTableRequest.Builder request) {
        JsonNode throughput = properties.path("ProvisionedThroughput");
        // CloudFormation defaults to PROVISIONED, which needs throughput; without any, on-demand is what was meant.
        String mode = properties.has("BillingMode") ? text(properties, "BillingMode")
                : throughput.isMissingNode() ? BillingMode.PAY_PER_REQUEST.toString() : BillingMode.PROVISIONED.toString();
        request.billingMode(mode);
        if (BillingMode.PROVISIONED.toString().equals(mode)) {
            request.provisionedThroughput(throughput(throughput));
        }
    }

    private static GlobalSecondaryIndex globalIndex(JsonNode index) {
        GlobalSecondaryIndex.Builder builder = GlobalSecondaryIndex.builder()
                .indexName(text(index, "IndexName"))
                .keySchema(keySchema(index.path("KeySchema")))
                .projection(projection(index.path("Projection")));
        if (index.has("ProvisionedThroughput")) {
            builder.provisionedThroughput(throughput(index.get("ProvisionedThroughput")));
        }
        return builder.build();
    }

    private static List<KeySchemaElement> keySchema(JsonNode keys) {
        List<KeySchemaElement> schema = list(keys, k -> KeySchemaElement.builder()
                .attributeName(text(k, "AttributeName")).keyType(text(k, "KeyType")).build());
        if (schema.isEmpty()) {
            throw new IllegalArgumentException("a KeySchema is missing or empty");
        }
        return schema;
    }

    private static Projection projection(JsonNode projection) {
        Projection.Builder builder = Projection.builder()
                .projectionType(projection.has("ProjectionType") ? text(projection, "ProjectionType") : "KEYS_ONLY");
        List<String> nonKey = list(projection.path("NonKeyAttributes"), Intrinsics::text);
        if (!nonKey.isEmpty()) {
            builder.nonKeyAttributes(nonKey);
        }
        return builder.build();
    }

    private static ProvisionedThroughput throughput(JsonNode throughput) {
        if (throughput.isMissingNode()) {
            throw new IllegalArgumentException("BillingMode PROVISIONED needs a ProvisionedThroughput");
        }
        return ProvisionedThroughput.builder()
                .readCapacityUnits(throughput.path("ReadCapacityUnits").asLong())
                .writeCapacityUnits(throughput.path("WriteCapacityUnits").asLong()).build();
    }
}
