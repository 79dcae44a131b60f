package io.crmflow.local.it;

import io.crmflow.local.LocalStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** The table's items as text, read with a full scan: for tests asking what the table holds anywhere. */
final class TableText {
    private TableText() {
    }

    /** Every item, all pages, whose text (keys and every attribute) contains {@code text}. */
    static List<String> itemsContaining(LocalStack stack, String text) {
        List<String> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanResponse page = stack.clients().dynamoDb().scan(ScanRequest.builder()
                    .tableName(stack.resources().tableName()).exclusiveStartKey(start).build());
            page.items().stream().map(Object::toString).filter(item -> item.contains(text)).forEach(found::add);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return found;
    }
}
