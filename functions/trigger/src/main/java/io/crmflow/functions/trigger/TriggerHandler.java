package io.crmflow.functions.trigger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.crmflow.engine.Engine;
import io.crmflow.engine.OutboxCleanup;
import io.crmflow.engine.TriggerReads;
import io.crmflow.functions.common.MessageIds;
import io.crmflow.functions.common.SqsBatchProcessor;
import io.crmflow.functions.common.Wiring;
import io.crmflow.json.BackfillPageCodec;
import io.crmflow.json.Envelope;
import io.crmflow.json.EventCodec;

/**
 * Receives CRM events that the bus rule put on the trigger queue and enrolls records in the
 * workflows whose criteria they meet (DESIGN step 2), then runs the pipelines' templated
 * automations on them (R-PIPE-3, R-LEAD-1..4); also runs the pages of backfills on
 * activation (R-WF-8), which travel on the same queue.
 */
public final class TriggerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final Engine engine;
    private final SqsBatchProcessor batch;

    public TriggerHandler() {
        this(Wiring.fromEnv());
    }

    public TriggerHandler(Wiring wiring) {
        this.engine = wiring.engine();
        this.batch = wiring.batchProcessor("trigger", SqsBatchProcessor.DeadLetterListener.NONE, MessageIds.EVENT);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        TriggerReads reads = TriggerReads.forBatch();
        return OutboxCleanup.deferredWhile(() -> batch.process(event, message -> {
            Envelope envelope = Envelope.read(message.getBody());
            if (envelope.detailType().equals(BackfillPageCodec.DETAIL_TYPE)) {
                engine.backfills().runPage(BackfillPageCodec.fromEnvelope(envelope), engine.clock().instant());
            } else {
                engine.onEvent(EventCodec.fromEnvelope(envelope), engine.clock().instant(), reads);
            }
        }));
    }
}
