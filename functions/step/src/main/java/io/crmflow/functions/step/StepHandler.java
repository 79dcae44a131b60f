package io.crmflow.functions.step;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.crmflow.engine.Engine;
import io.crmflow.engine.OutboxCleanup;
import io.crmflow.engine.StepMessage;
import io.crmflow.functions.common.MessageIds;
import io.crmflow.functions.common.SqsBatchProcessor;
import io.crmflow.functions.common.Wiring;
import io.crmflow.json.Json;

/** Runs one workflow step per message from the step queue (DESIGN step 3). */
public final class StepHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final Engine engine;
    private final SqsBatchProcessor batch;

    public StepHandler() {
        this(Wiring.fromEnv());
    }

    public StepHandler(Wiring wiring) {
        this.engine = wiring.engine();
        // A dead-lettered step counts against its enrollment; after a few the timer gives the step up.
        this.batch = wiring.batchProcessor("step", (message, cause) -> {
            if (!(cause instanceof IllegalArgumentException)) {
                engine.step().recordFailure(Json.read(message.getBody(), StepMessage.class));
            }
        }, MessageIds.STEP);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return OutboxCleanup.deferredWhile(() -> batch.process(event, message ->
                engine.step().run(Json.read(message.getBody(), StepMessage.class), engine.clock().instant())));
    }
}
