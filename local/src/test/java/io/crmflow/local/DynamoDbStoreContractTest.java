package io.crmflow.local;

import io.crmflow.aws.dynamodb.CrmTable;
import io.crmflow.aws.dynamodb.DynamoDbDefinitionStore;
import io.crmflow.aws.dynamodb.DynamoDbEffectLedger;
import io.crmflow.aws.dynamodb.DynamoDbEnrollmentStore;
import io.crmflow.aws.dynamodb.DynamoDbIdempotencyStore;
import io.crmflow.aws.dynamodb.DynamoDbJourneyStore;
import io.crmflow.aws.dynamodb.DynamoDbOutbox;
import io.crmflow.aws.dynamodb.DynamoDbPeopleStore;
import io.crmflow.aws.dynamodb.DynamoDbRecordStore;
import io.crmflow.aws.dynamodb.DynamoDbTransactionalWriter;
import io.crmflow.store.BackfillStoreContract;
import io.crmflow.store.DefinitionStoreContract;
import io.crmflow.store.EffectLedgerContract;
import io.crmflow.store.EnrollmentStoreContract;
import io.crmflow.store.IdempotencyStore;
import io.crmflow.store.IdempotencyStoreContract;
import io.crmflow.store.JourneyStoreContract;
import io.crmflow.store.OutboxContract;
import io.crmflow.store.OverlongIdsContract;
import io.crmflow.store.PeopleStoreContract;
import io.crmflow.store.RecordStoreContract;
import io.crmflow.store.Stores;
import io.crmflow.store.TransactionalWriterContract;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Runs every store contract against the DynamoDB adapter over real HTTP: against an embedded
 * DynamoDB Local, or, when {@code AWS_ENDPOINT_URL} is set, against that endpoint (moto_server,
 * LocalStack). Each test gets a table of its own, named uniquely so runs never meet.
 */
class DynamoDbStoreContractTest {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final List<String> TABLES = new ArrayList<>();
    private static EmbeddedDynamoDb embedded;
    private static DynamoDbClient client;
    /**
     * DynamoDB Local (which LocalStack also uses) serializes conditional writes like DynamoDB;
     * an arbitrary endpoint may not (moto does not), so the racing cases run only embedded.
     */
    private static boolean atomic;

    @BeforeAll
    static void connect() {
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        URI uri;
        if (endpoint == null || endpoint.isBlank()) {
            embedded = EmbeddedDynamoDb.start();
            uri = embedded.endpoint();
            atomic = true;
        } else {
            uri = URI.create(endpoint);
        }
        client = DynamoDbClient.builder()
                .endpointOverride(uri)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void disconnect() {
        try {
            TABLES.forEach(name -> client.deleteTable(b -> b.tableName(name)));
        } finally {
            client.close();
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    static Stores fresh() {
        String table = "crmflow-contract-" + RUN + "-" + TABLES.size();
        CrmTable.create(client, table);
        TABLES.add(table);
        return new Stores(new DynamoDbRecordStore(client, table), new DynamoDbDefinitionStore(client, table),
                new DynamoDbEnrollmentStore(client, table), new DynamoDbEffectLedger(client, table),
                new DynamoDbOutbox(client, table), new DynamoDbTransactionalWriter(client, table),
                new DynamoDbPeopleStore(client, table), new DynamoDbJourneyStore(client, table), atomic);
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("R-RUN-5 an outbox entry this build cannot read does not stop the others")
    void dueEvents_unreadableEntry_isSkippedAndTheRestAreReturned() {
        Stores stores = fresh();
        String table = TABLES.get(TABLES.size() - 1);
        java.time.Instant now = java.time.Instant.parse("2026-03-02T10:00:00Z");
        var event = new io.crmflow.model.CrmEvent.RecordCreated("e-ok", "acme",
                new io.crmflow.model.RecordRef("contact", "c1"), now, io.crmflow.model.Origin.api());
        stores.writer().commit(List.of(new io.crmflow.store.Write.EnqueueEvent(event, now)));
        client.putItem(b -> b.tableName(table).item(java.util.Map.of(
                "pk", s("T#acme#O#e-future"), "sk", s("#EVENT"),
                "duePk", s("DUE#O#" + Math.floorMod("e-future".hashCode(), 8)),
                "dueSk", s(String.format("%013d", now.toEpochMilli()) + "#acme#e-future"),
                "tenantId", s("acme"), "eventId", s("e-future"), "dueAt", s(now.toString()),
                "event", s("{\"detailType\":\"crm.from.a.newer.build\",\"event\":{}}"))));

        org.assertj.core.api.Assertions.assertThat(stores.outbox().dueEvents(now.plusSeconds(1), 10))
                .extracting(e -> e.event().eventId()).containsExactly("e-ok");
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue s(String value) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(value);
    }

    @Nested
    class Records extends RecordStoreContract {
        @Override
        protected Stores newStores() {
            return fresh();
        }
    }

    @Nested
    class Definitions extends DefinitionStoreContract {
        @Override
        protected Stores newStores() {
            return fresh();
        }
    }

    @Nested
    class Enrollments extends EnrollmentStoreContract {
        @Override
        protected Stores newStores() {
            return fresh();
        }
    }

    @Nested
    class Effects extends EffectLedgerContract {
        @Override
        protected Stores newStores() {
            return fresh();
        }
    }

    @Nested
    class Outboxes extends OutboxContract {
        @Override
        protected Stores newStores() {
            return fresh();
        }
    }

    @Nested
    class People extends PeopleStoreContract {
        @Override
        protected Stores newStores() {
            return fresh();
        }
    }

    @Nested
    class Transactions extends TransactionalWriterContract {
        @Override
        protected Stores newStores() {
            return fresh();
        }
    }

    @Nested
    class Journeys extends JourneyStoreContract {
        @Override
        protected Stores newStores() {
            return fresh();
        }
    }

    @Nested
    class Backfills extends BackfillStoreContract {
        @Override
        protected Stores newStores() {
            return fresh();
        }
    }

    @Nested
    class Idempotency extends IdempotencyStoreContract {
        @Override
        protected IdempotencyStore newStore() {
            fresh();
            return new DynamoDbIdempotencyStore(client, TABLES.get(TABLES.size() - 1));
        }

        @Override
        protected boolean atomicUnderConcurrency() {
            return atomic;
        }
    }

    @Nested
    class OverlongIds extends OverlongIdsContract {
        @Override
        protected Stores newStores() {
            return fresh();
        }
    }
}
