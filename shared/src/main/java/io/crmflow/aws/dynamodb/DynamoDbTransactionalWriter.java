package io.crmflow.aws.dynamodb;

import io.crmflow.store.ConflictException;
import io.crmflow.store.TransactionalWriter;
import io.crmflow.store.Write;
import io.crmflow.store.WriteContentionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Applies a commit as one TransactWriteItems. Each {@link Write} expands to one or more items
 * (docs/data-model.md lists which); when DynamoDB cancels the transaction, its cancellation
 * reasons, one per item, are mapped back to the write that produced the failing item.
 *
 * <p>Thread-safe: holds only the (thread-safe) client and the table name.
 */
public final class DynamoDbTransactionalWriter implements TransactionalWriter {
    /** TransactWriteItems' own limit. */
    static final int MAX_ITEMS = 100;

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbTransactionalWriter(DynamoDbClient client, String tableName) {
        this.client = client;
        this.table = tableName;
    }

    @Override
    public void commit(List<Write> writes) {
        List<TransactWriteItem> items = new ArrayList<>();
        List<Integer> writeOfItem = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            for (TransactWriteItem item : expand(writes.get(i))) {
                items.add(item);
                writeOfItem.add(i);
            }
        }
        if (items.isEmpty()) {
            return;
        }
        checkItems(items, writeOfItem, writes.size());
        try {
            client.transactWriteItems(b -> b.transactItems(items));
        } catch (TransactionCanceledException e) {
            throw conflict(e, writeOfItem, writes);
        } catch (DynamoDbException e) {
            throw refusal(e);
        }
    }

    private List<TransactWriteItem> expand(Write write) {
        if (write instanceof Write.JourneyWrite w) {
            return JourneyCodec.expand(table, w);
        } else if (write instanceof Write.PutTenant w) {
            return DefinitionCodec.tenant(table, w);
        } else if (write instanceof Write.PutObjectType w) {
            return DefinitionCodec.objectType(table, w);
        } else if (write instanceof Write.PutWebhookSettings w) {
            return DefinitionCodec.webhookSettings(table, w);
        } else if (write instanceof Write.PutRecord w) {
            return RecordCodec.put(table, w);
        } else if (write instanceof Write.PutAssociation w) {
            return RecordCodec.associate(table, w);
        } else if (write instanceof Write.PutListMembership w) {
            return RecordCodec.membership(table, w);
        } else if (write instanceof Write.PutList w) {
            return DefinitionCodec.list(table, w);
        } else if (write instanceof Write.PutPipeline w) {
            return DefinitionCodec.pipeline(table, w);
        } else if (write instanceof Write.PutTicketEmailRules w) {
            return DefinitionCodec.ticketEmailRules(table, w);
        } else if (write instanceof Write.PutEmailTemplate w) {
            return DefinitionCodec.emailTemplate(table, w);
        } else if (write instanceof Write.PutActionComment w) {
            return DefinitionCodec.comment(table, w);
        } else if (write instanceof Write.PutLeadAutomations w) {
            return DefinitionCodec.leadAutomations(table, w);
        } else if (write instanceof Write.PutWorkflow w) {
            return DefinitionCodec.workflow(table, w);
        } else if (write instanceof Write.PutEnrollment w) {
            return EnrollmentCodec.put(table, w);
        } else if (write instanceof Write.AppendHistory w) {
            return EnrollmentCodec.append(table, w);
        } else if (write instanceof Write.Reenroll w) {
            return EnrollmentCodec.reenroll(table, w);
        } else if (write instanceof Write.EnqueueEvent w) {
            return OutboxCodec.enqueue(table, w);
        } else if (write instanceof Write.IncrementCounter w) {
            return EnrollmentCodec.increment(table, w);
        } else if (write instanceof Write.PutWorkflowMark w) {
            return MarkCodec.put(table, w);
        } else if (write instanceof Write.AppendStageChange w) {
            return StageChangeCodec.append(table, w);
        } else if (write instanceof Write.PutEffectDone w) {
            return List.of(DynamoDbEffectLedger.done(table, w));
        } else if (write instanceof Write.PutBackfill w) {
            return BackfillCodec.put(table, w);
        } else if (write instanceof Write.PutUser w) {
            return PeopleCodec.user(table, w);
        } else if (write instanceof Write.PutTeam w) {
            return PeopleCodec.team(table, w);
        } else if (write instanceof Write.PutNotification w) {
            return PeopleCodec.notification(table, w);
        }
        throw new IllegalArgumentException("unknown write " + write);
    }

    /** Refuses, before sending, what DynamoDB would refuse with a less helpful message. */
    private static void checkItems(List<TransactWriteItem> items, List<Integer> writeOfItem, int writes) {
        if (items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("commit of " + writes + " writes touches " + items.size()
                    + " items; at most " + MAX_ITEMS + " can change atomically");
        }
        Map<List<String>, Integer> firstWrite = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Map<String, AttributeValue> key = keyOf(items.get(i));
            Integer earlier = firstWrite.putIfAbsent(List.of(key.get(Keys.PK).s(), key.get(Keys.SK).s()),
                    writeOfItem.get(i));
            if (earlier != null) {
                throw new IllegalArgumentException("writes " + earlier + " and " + writeOfItem.get(i)
                        + " change the same item; a commit may touch each item once");
            }
        }
    }

    private static Map<String, AttributeValue> keyOf(TransactWriteItem item) {
        if (item.put() != null) {
            return item.put().item();
        } else if (item.delete() != null) {
            return item.delete().key();
        } else if (item.update() != null) {
            return item.update().key();
        }
        return item.conditionCheck().key();
    }

    /**
     * A commit the table refuses outright, before any condition, with a ValidationException —
     * an item over 400 KB, the usual case — is bad input, as a ValidationError among the
     * cancellation reasons is; nothing of it was written. Anything else is the service failing.
     */
    private static RuntimeException refusal(DynamoDbException e) {
        if (e.statusCode() == 400 && e.awsErrorDetails() != null
                && "ValidationException".equals(e.awsErrorDetails().errorCode())) {
            return new IllegalArgumentException("the table refused the change, and nothing of it was written: "
                    + e.awsErrorDetails().errorMessage() + " (an item holds at most 400 KB; shorten the longest values)");
        }
        return e;
    }

    /**
     * The first item whose condition failed names the write ({@link ConflictException}). Other
     * reasons are not conflicts and must not be read as one ("already enrolled", "changed since
     * read"): a ValidationError is bad input (IllegalArgumentException), and a
     * TransactionConflict — another transaction on the same item at that moment — is contention
     * that a retry resolves ({@link WriteContentionException}).
     */
    private static RuntimeException conflict(TransactionCanceledException e, List<Integer> writeOfItem,
                                              List<Write> writes) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        for (int i = 0; i < reasons.size() && i < writeOfItem.size(); i++) {
            if ("ValidationError".equals(reasons.get(i).code())) {
                int index = writeOfItem.get(i);
                return new IllegalArgumentException("write " + index + " (" + writes.get(index).getClass().getSimpleName()
                        + ") was refused by the table: " + reasons.get(i).message());
            }
        }
        for (int i = 0; i < reasons.size() && i < writeOfItem.size(); i++) {
            if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                int index = writeOfItem.get(i);
                return new ConflictException(index, "write " + index + " (" + writes.get(index).getClass().getSimpleName()
                        + "): its condition failed: the item exists already, or changed since it was read");
            }
        }
        for (CancellationReason reason : reasons) {
            if ("TransactionConflict".equals(reason.code())) {
                return new WriteContentionException("another transaction was changing the same items; retry");
            }
        }
        for (CancellationReason reason : reasons) {
            if (reason.code() != null && !"None".equals(reason.code())) {
                return e;
            }
        }
        return new WriteContentionException("transaction cancelled without a reason: " + e.getMessage());
    }
}
