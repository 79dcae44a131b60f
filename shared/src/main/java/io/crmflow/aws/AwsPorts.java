package io.crmflow.aws;

import io.crmflow.aws.dynamodb.DynamoDbDefinitionStore;
import io.crmflow.aws.dynamodb.DynamoDbEffectLedger;
import io.crmflow.aws.dynamodb.DynamoDbEnrollmentStore;
import io.crmflow.aws.dynamodb.DynamoDbIdempotencyStore;
import io.crmflow.aws.dynamodb.DynamoDbJourneyStore;
import io.crmflow.aws.dynamodb.DynamoDbOutbox;
import io.crmflow.aws.dynamodb.DynamoDbPeopleStore;
import io.crmflow.aws.dynamodb.DynamoDbRecordStore;
import io.crmflow.aws.dynamodb.DynamoDbTransactionalWriter;
import io.crmflow.engine.Ports;
import io.crmflow.outbound.Webhooks;
import java.time.Clock;
import java.util.UUID;

/**
 * The engine's ports on real AWS services: the one table, the bus (which also carries the
 * requests for texts), the step queue, SES, Parameter Store (the tenants' secrets); and the
 * webhook poster.
 */
public final class AwsPorts {
    private AwsPorts() {
    }

    /**
     * @param webhooks     posts webhooks; not an AWS service, so the caller chooses its clock and waits
     * @param processClock the process's own time (not the engine's, which tests move), by which the
     *                     secrets read are kept a while
     */
    public static Ports create(AwsSettings settings, AwsClients clients, Webhooks webhooks, Clock processClock) {
        var db = clients.dynamoDb();
        String table = settings.tableName();
        return new Ports(
                new DynamoDbRecordStore(db, table),
                new DynamoDbDefinitionStore(db, table),
                new DynamoDbEnrollmentStore(db, table),
                new DynamoDbEffectLedger(db, table),
                new DynamoDbOutbox(db, table),
                new DynamoDbTransactionalWriter(db, table),
                new EventBridgeBus(clients.eventBridge(), settings.eventBusName(), settings.eventSource()),
                new SqsStepQueue(clients.sqs(), settings.stepQueueUrl()),
                new SesMailer(clients.ses(), settings.mailFrom()),
                () -> UUID.randomUUID().toString(),
                webhooks,
                new SqsBackfillQueue(clients.sqs(), settings.triggerQueueUrl()),
                new DynamoDbPeopleStore(db, table),
                new DynamoDbJourneyStore(db, table),
                new EventBridgeTextChannel(clients.eventBridge(), settings.eventBusName(), settings.eventSource()),
                new SsmSecretStore(clients.parameters(), settings.parameterPrefix(), processClock),
                new DynamoDbIdempotencyStore(db, table));
    }
}
