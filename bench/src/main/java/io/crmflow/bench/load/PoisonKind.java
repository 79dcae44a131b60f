package io.crmflow.bench.load;

/**
 * Messages that can never succeed, each kind with the dead-letter queue it must end in: events
 * on the bus that name what does not exist or cannot be decoded, and bodies that someone other
 * than the engine put straight on a work queue.
 */
enum PoisonKind {
    /** A record creation of a tenant that does not exist, put on the bus as the API puts events. */
    UNKNOWN_TENANT("TriggerDeadLetterQueue"),
    /** A record creation of the load's tenant naming a contact that does not exist. */
    UNKNOWN_RECORD("TriggerDeadLetterQueue"),
    /** An event on the bus whose detail lacks the event id. */
    UNDECODABLE_EVENT("TriggerDeadLetterQueue"),
    /** Text that is not JSON, sent straight to the trigger queue. */
    NOT_JSON("TriggerDeadLetterQueue"),
    /** A step of an enrollment that does not exist, sent straight to the step queue. */
    STEP_OF_MISSING_ENROLLMENT("StepDeadLetterQueue"),
    /** A step message without its enrollment and step number. */
    STEP_MISSING_FIELDS("StepDeadLetterQueue");

    private final String deadLetterQueue;

    PoisonKind(String deadLetterQueue) {
        this.deadLetterQueue = deadLetterQueue;
    }

    /** The logical id of the dead-letter queue a message of this kind must end in. */
    String deadLetterQueue() {
        return deadLetterQueue;
    }

    /** A text that marks the {@code n}-th message of this kind, found in its body wherever it ends. */
    String marker(int n) {
        return String.format("poison-%s-%03d", name().toLowerCase().replace('_', '-'), n);
    }
}
