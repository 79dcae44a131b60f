package io.crmflow.outbound;

import io.crmflow.engine.StepMessage;
import java.util.List;

/** Sends step messages to the step handler. At least once; duplicates are dropped by sequence number. */
public interface StepQueue {
    void send(List<StepMessage> messages);
}
