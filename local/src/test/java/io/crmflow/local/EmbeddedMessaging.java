package io.crmflow.local;

import io.crmflow.aws.AwsClients;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** ElasticMQ, the EventBridge stand-in and the SES stand-in, with SDK clients for each. */
final class EmbeddedMessaging implements AutoCloseable {

    static final Region REGION = Region.EU_WEST_1;

    final EmbeddedSqs sqsServer;
    final SqsClient deliverySqs;
    final EventBridgeStandIn eventBridgeServer;
    final SesStandIn sesServer;
    final SqsClient sqs;
    final EventBridgeClient eventBridge;
    final SesV2Client ses;

    EmbeddedMessaging(Path mailFolder) {
        sqsServer = EmbeddedSqs.start(REGION.id());
        deliverySqs = AwsClients.sqs(sqsServer.endpoint(), REGION);
        eventBridgeServer = EventBridgeStandIn.start(deliverySqs, REGION.id(), EmbeddedSqs.ACCOUNT_ID, Clock.systemUTC());
        sesServer = SesStandIn.start(mailFolder, REGION.id(), Clock.systemUTC());
        sqs = AwsClients.sqs(sqsServer.endpoint(), REGION);
        eventBridge = AwsClients.eventBridge(eventBridgeServer.endpoint(), REGION);
        ses = AwsClients.ses(sesServer.endpoint(), REGION);
    }

    Provisioner provisioner() {
        return new Provisioner(sqs, eventBridge, ses);
    }

    /** Everything on the queue now, received once without waiting; with receive counts. */
    List<Message> receiveAll(String queueUrl) {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
    }

    @Override
    public void close() {
        sqs.close();
        eventBridge.close();
        ses.close();
        sesServer.close();
        eventBridgeServer.close();
        deliverySqs.close();
        sqsServer.close();
    }
}
