package io.crmflow.store;

/** The six store ports of one backend, as the contract tests use them. */
public record Stores(RecordStore records, DefinitionStore definitions, EnrollmentStore enrollments,
                     EffectLedger effects, Outbox outbox, TransactionalWriter writer) {
}
