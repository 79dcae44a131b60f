package io.crmflow.local;

import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * DynamoDB's side of {@link RequestCounts}: asking a request for its consumed capacity
 * ({@code ReturnConsumedCapacity=TOTAL}: the table and its indexes together), and reading it
 * back as read and write units. A request that already asks for it is left as it is.
 */
final class ConsumedCapacityRequests {
    private static final ReturnConsumedCapacity TOTAL = ReturnConsumedCapacity.TOTAL;
    /** Answered in read units; every other operation that consumes capacity consumes write units. */
    private static final Set<String> READS = Set.of("GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems");

    private ConsumedCapacityRequests() {
    }

    static SdkRequest askingForIt(SdkRequest request) {
        if (request instanceof GetItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(TOTAL).build();
        } else if (request instanceof PutItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(TOTAL).build();
        } else if (request instanceof UpdateItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(TOTAL).build();
        } else if (request instanceof DeleteItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(TOTAL).build();
        } else if (request instanceof QueryRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(TOTAL).build();
        } else if (request instanceof ScanRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(TOTAL).build();
        } else if (request instanceof BatchGetItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(TOTAL).build();
        } else if (request instanceof BatchWriteItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(TOTAL).build();
        } else if (request instanceof TransactWriteItemsRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(TOTAL).build();
        } else if (request instanceof TransactGetItemsRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(TOTAL).build();
        }
        return request;
    }

    /** {read units, write units} the answer says were consumed; zeros for any other service's answer. */
    static double[] units(String operation, SdkResponse response) {
        double read = 0;
        double write = 0;
        for (ConsumedCapacity c : consumed(response)) {
            if (c.readCapacityUnits() != null || c.writeCapacityUnits() != null) {
                read += c.readCapacityUnits() == null ? 0 : c.readCapacityUnits();
                write += c.writeCapacityUnits() == null ? 0 : c.writeCapacityUnits();
            } else if (c.capacityUnits() != null) {
                if (READS.contains(operation)) {
                    read += c.capacityUnits();
                } else {
                    write += c.capacityUnits();
                }
            }
        }
        return new double[] {read, write};
    }

    /** Items a DynamoDB request names: a transaction's or a batch's; 1 for any other request. */
    static long items(SdkRequest request) {
        if (request instanceof TransactWriteItemsRequest r) {
            return r.transactItems().size();
        } else if (request instanceof TransactGetItemsRequest r) {
            return r.transactItems().size();
        } else if (request instanceof BatchWriteItemRequest r) {
            return r.requestItems().values().stream().mapToLong(List::size).sum();
        } else if (request instanceof BatchGetItemRequest r) {
            return r.requestItems().values().stream().mapToLong(k -> k.keys().size()).sum();
        }
        return 1;
    }

    private static List<ConsumedCapacity> consumed(SdkResponse response) {
        Object value = response.getValueForField("ConsumedCapacity", Object.class).orElse(null);
        if (value instanceof ConsumedCapacity one) {
            return List.of(one);
        }
        if (value instanceof List<?> many) {
            return many.stream().filter(ConsumedCapacity.class::isInstance).map(ConsumedCapacity.class::cast).toList();
        }
        return List.of();
    }
}
