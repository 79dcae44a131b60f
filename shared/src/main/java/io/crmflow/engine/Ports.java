package io.crmflow.engine;

import io.crmflow.outbound.BackfillQueue;
import io.crmflow.outbound.EventBus;
import io.crmflow.outbound.Mailer;
import io.crmflow.outbound.StepQueue;
import io.crmflow.outbound.TextChannel;
import io.crmflow.outbound.WebhookResult;
import io.crmflow.outbound.Webhooks;
import io.crmflow.store.DefinitionStore;
import io.crmflow.store.EffectLedger;
import io.crmflow.store.EnrollmentStore;
import io.crmflow.store.IdempotencyStore;
import io.crmflow.store.JourneyStore;
import io.crmflow.store.Outbox;
import io.crmflow.store.PeopleStore;
import io.crmflow.store.RecordStore;
import io.crmflow.store.SecretStore;
import io.crmflow.store.TransactionalWriter;
import io.crmflow.store.memory.InMemoryIdempotencyStore;
import io.crmflow.store.memory.InMemorySecretStore;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything the engine reaches outside itself. Built once per process (a Lambda container,
 * the local stack, a test) and shared; every port is thread-safe.
 *
 * @param ids       makes unique ids (event ids); injected so tests and simulations are repeatable
 * @param webhooks  posts the webhook action's requests
 * @param backfills where the pages of a backfill on activation go (R-WF-8)
 * @param people    the tenant's users and teams, whom internal notifications reach, and their notifications
 * @param journeys  customer journeys, their versions and the guards of their rules (R-JRN)
 * @param texts     sends the SMS and WhatsApp messages of journeys (R-JRN-5)
 * @param secrets   keeps the tenants' secrets (webhook signing secrets) out of the table
 * @param idempotency the answers of API requests sent with an idempotency key (R-RUN-6)
 */
public record Ports(RecordStore records, DefinitionStore definitions, EnrollmentStore enrollments,
                    EffectLedger effects, Outbox outbox, TransactionalWriter writer, EventBus bus,
                    StepQueue steps, Mailer mailer, Supplier<String> ids, Webhooks webhooks,
                    BackfillQueue backfills, PeopleStore people, JourneyStore journeys,
                    TextChannel texts, SecretStore secrets, IdempotencyStore idempotency) {
    public Ports {
        Objects.requireNonNull(records);
        Objects.requireNonNull(definitions);
        Objects.requireNonNull(enrollments);
        Objects.requireNonNull(effects);
        Objects.requireNonNull(outbox);
        Objects.requireNonNull(writer);
        Objects.requireNonNull(bus);
        Objects.requireNonNull(steps);
        Objects.requireNonNull(mailer);
        Objects.requireNonNull(ids);
        Objects.requireNonNull(webhooks);
        Objects.requireNonNull(backfills);
        Objects.requireNonNull(people);
        Objects.requireNonNull(journeys);
        Objects.requireNonNull(texts);
        Objects.requireNonNull(secrets);
        Objects.requireNonNull(idempotency);
    }

    /**
     * For tests and tools whose workflows post no webhooks and whose journeys send no texts: any
     * webhook is reported not delivered, any text refused; secrets and idempotency records are
     * kept in memory.
     */
    public Ports(RecordStore records, DefinitionStore definitions, EnrollmentStore enrollments, EffectLedger effects,
                 Outbox outbox, TransactionalWriter writer, EventBus bus, StepQueue steps, Mailer mailer,
                 Supplier<String> ids, PeopleStore people, JourneyStore journeys) {
        this(records, definitions, enrollments, effects, outbox, writer, bus, steps, mailer, ids,
                post -> new WebhookResult.NotDelivered("this process has no way to post webhooks", 0),
                BackfillQueue.NONE, people, journeys, TextChannel.NONE, new InMemorySecretStore(),
                new InMemoryIdempotencyStore());
    }
}
