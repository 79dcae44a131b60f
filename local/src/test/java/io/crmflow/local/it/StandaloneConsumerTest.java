package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.aws.AwsClients;
import io.crmflow.engine.StepMessage;
import io.crmflow.json.Json;
import io.crmflow.local.DeliveryFaults;
import io.crmflow.local.LocalStack;
import io.crmflow.local.QueuePoller;
import io.crmflow.local.StandaloneConsumer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A consumer built only from the stack's description — as a process of its own builds it, with
 * clients of its own over HTTP — runs the same function with the same settings as the stack's
 * own consumer: here, it parks a message that cannot succeed in the function's dead-letter queue.
 */
@DisplayName("R-RUN-1, R-RUN-3: a standalone consumer of a stack's queue runs the queue's function as the stack does")
class StandaloneConsumerTest {
    private final LocalStack stack = SharedStack.get();
    private final String tenant = SharedStack.uniqueTenant();

    @Test
    void stepQueue_standaloneConsumer_deadLettersAStepOfAnEnrollmentThatDoesNotExist() {
        Api.forNewTenant(stack, tenant);
        StandaloneConsumer setup = Json.read(Json.write(stack.standaloneConsumer("StepFunction")),
                StandaloneConsumer.class);
        String body = Json.write(new StepMessage(tenant, WorkflowScenario.ofContact("welcome", "ghost"), 1));
        String url = stack.resources().queueUrl("StepQueue");
        stack.clients().sqs().sendMessage(b -> b.queueUrl(url).messageBody(body));

        try (AwsClients clients = setup.clients(List.of())) {
            var handler = setup.handler(clients, SharedStack.CLOCK, new PrintStream(OutputStream.nullOutputStream()));
            QueuePoller poller = setup.poller(clients, event -> handler.handleRequest(event,
                    setup.context(SharedStack.CLOCK)), 0, DeliveryFaults.NONE);
            poller.pollUntilIdle(20);
        }

        assertThat(setup.queueUrl()).isEqualTo(url);
        DeadLetterQueue.DeadLetter parked = new DeadLetterQueue(stack, "StepDeadLetterQueue").takeOne(tenant);
        assertThat(parked.body()).isEqualTo(body);
        assertThat(parked.reason()).startsWith("InvalidMessageException: ");
    }
}
