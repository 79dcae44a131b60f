package io.crmflow.local;

import java.util.List;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Faults a {@link QueuePoller} makes on purpose once its function has returned, as SQS and
 * Lambda make them in production: SQS delivers at least once, and a function may die after its
 * work and before its answer. A load or fault test plugs in its own; everything else runs with
 * {@link #NONE}. Implementations are called from the poller's thread and must be thread-safe
 * when shared between pollers.
 */
public interface DeliveryFaults {

    /** No faults: every handled message is deleted, every failed one left to come back. */
    DeliveryFaults NONE = new DeliveryFaults() {
        @Override
        public boolean failsAfterHandling(List<Message> batch) {
            return false;
        }

        @Override
        public boolean redelivers(Message handled) {
            return false;
        }
    };

    /**
     * Whether this invocation, whose function ran and returned, is taken as failed all the same,
     * as if it had died before answering: no message of the batch is deleted, so all of them
     * come back after their visibility timeout with their effects already made.
     */
    boolean failsAfterHandling(List<Message> batch);

    /**
     * Whether a message the function handled is delivered again at once instead of deleted, as
     * SQS may deliver a message twice.
     */
    boolean redelivers(Message handled);
}
