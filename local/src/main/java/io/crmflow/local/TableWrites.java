package io.crmflow.local;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Sees every write the stack's functions make to the table and succeed with — a put, update or
 * delete, alone, in a transaction or in a batch — and hands it to whoever is recording: a test
 * that proves a refused request wrote nothing watches the table itself, not a stand-in for it.
 * A failed write (a condition that did not hold, a cancelled transaction) changed nothing and is
 * not seen. Thread-safe; costs nothing while nobody records.
 */
public final class TableWrites implements ExecutionInterceptor {
    /** One item written: which operation, and the item's key. */
    public record Write(String operation, String pk, String sk) {
    }

    /** The writes made while it is open, in the order they succeeded. Close it to stop recording. */
    public final class Recording implements AutoCloseable {
        private final List<Write> writes = Collections.synchronizedList(new ArrayList<>());

        public List<Write> writes() {
            synchronized (writes) {
                return List.copyOf(writes);
            }
        }

        @Override
        public void close() {
            recordings.remove(this);
        }
    }

    private final List<Recording> recordings = new CopyOnWriteArrayList<>();

    public Recording record() {
        Recording recording = new Recording();
        recordings.add(recording);
        return recording;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (recordings.isEmpty()) {
            return;
        }
        List<Write> made = writesOf(context.request());
        for (Recording recording : recordings) {
            recording.writes.addAll(made);
        }
    }

    private static List<Write> writesOf(Object request) {
        List<Write> made = new ArrayList<>();
        if (request instanceof PutItemRequest put) {
            made.add(write("PutItem", put.item()));
        } else if (request instanceof UpdateItemRequest update) {
            made.add(write("UpdateItem", update.key()));
        } else if (request instanceof DeleteItemRequest delete) {
            made.add(write("DeleteItem", delete.key()));
        } else if (request instanceof TransactWriteItemsRequest transaction) {
            transaction.transactItems().forEach(item -> {
                if (item.put() != null) {
                    made.add(write("TransactWriteItems/Put", item.put().item()));
                } else if (item.update() != null) {
                    made.add(write("TransactWriteItems/Update", item.update().key()));
                } else if (item.delete() != null) {
                    made.add(write("TransactWriteItems/Delete", item.delete().key()));
                }
            });
        } else if (request instanceof BatchWriteItemRequest batch) {
            // Items the table left unprocessed are counted too: they were asked for, and a test
            // looking for stray writes must not miss one that a retry would make.
            batch.requestItems().values().forEach(requests -> requests.forEach(r -> made.add(r.putRequest() != null
                    ? write("BatchWriteItem/Put", r.putRequest().item())
                    : write("BatchWriteItem/Delete", r.deleteRequest().key()))));
        }
        return made;
    }

    private static Write write(String operation, Map<String, AttributeValue> key) {
        return new Write(operation, text(key.get("pk")), text(key.get("sk")));
    }

    private static String text(AttributeValue value) {
        return value == null ? null : value.s();
    }
}
