package io.crmflow.aws.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The three shapes of Query the adapters make, built one way. Stateless. */
final class Queries {
    private Queries() {
    }

    /** Every item of a table partition, read strongly consistent (a record's view, a definition partition). */
    static QueryRequest partition(String table, String pk) {
        return QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Keys.PK))
                .expressionAttributeValues(Map.of(":pk", Items.s(pk)))
                .build();
    }

    /** The items of a table partition whose sort key starts with {@code prefix}, strongly consistent. */
    static QueryRequest withPrefix(String table, String pk, String prefix, boolean ascending) {
        return QueryRequest.builder().tableName(table).consistentRead(true).scanIndexForward(ascending)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(Map.of(":pk", Items.s(pk), ":prefix", Items.s(prefix)))
                .build();
    }

    /** A listing on gsi1 (eventually consistent, as any index read). */
    static QueryRequest gsi1(String table, String partition, boolean ascending) {
        return QueryRequest.builder().tableName(table).indexName(Keys.GSI1).scanIndexForward(ascending)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI1_PK))
                .expressionAttributeValues(Map.of(":pk", Items.s(partition)))
                .build();
    }
}
