package io.crmflow.store;

/**
 * The eight store ports of one backend, as the contract tests use them.
 *
 * @param atomicUnderConcurrency whether the backend makes conditional writes atomic under
 *                               concurrent requests, as DynamoDB does; the racing cases need it,
 *                               and some emulators (moto) lack it
 */
public record Stores(RecordStore records, DefinitionStore definitions, EnrollmentStore enrollments,
                     EffectLedger effects, Outbox outbox, TransactionalWriter writer, PeopleStore people,
                     JourneyStore journeys, boolean atomicUnderConcurrency) {

    /** A backend with DynamoDB's guarantees. */
    public Stores(RecordStore records, DefinitionStore definitions, EnrollmentStore enrollments, EffectLedger effects,
                  Outbox outbox, TransactionalWriter writer, PeopleStore people, JourneyStore journeys) {
        this(records, definitions, enrollments, effects, outbox, writer, people, journeys, true);
    }
}
