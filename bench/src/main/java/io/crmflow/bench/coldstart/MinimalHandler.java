package io.crmflow.bench.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.crmflow.aws.AwsClients;
import io.crmflow.aws.AwsSettings;
import java.util.List;

/**
 * What the functions' start-up is compared with: a handler that builds the same SDK clients the
 * functions build, from the same environment, and does nothing with its event. What crmflow
 * adds on top of it is its own start-up.
 */
public final class MinimalHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final AwsClients clients;

    public MinimalHandler() {
        clients = AwsClients.create(AwsSettings.fromEnvironment(System.getenv()));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return new SQSBatchResponse(List.of());
    }
}
