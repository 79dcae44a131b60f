package io.crmflow.local;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;

/**
 * The four SDK clients the system uses, pointed at local endpoints: the embedded servers
 * (one endpoint each) or a single emulator such as moto_server or LocalStack. Thread-safe,
 * like the SDK clients; {@link #close()} closes all four.
 */
public record AwsClients(DynamoDbClient dynamoDb, SqsClient sqs, EventBridgeClient eventBridge, SesV2Client ses)
        implements AutoCloseable {

    /** Where each service answers. */
    public record Endpoints(URI dynamoDb, URI sqs, URI eventBridge, URI ses) {
        /** One endpoint for every service, as an emulator serves them. */
        public static Endpoints all(URI endpoint) {
            return new Endpoints(endpoint, endpoint, endpoint, endpoint);
        }
    }

    /** Emulators accept any key; real-looking ones keep the SDK's signer happy. */
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    public static AwsClients create(Endpoints endpoints, Region region) {
        return new AwsClients(dynamoDb(endpoints.dynamoDb(), region), sqs(endpoints.sqs(), region),
                eventBridge(endpoints.eventBridge(), region), ses(endpoints.ses(), region));
    }

    // Each client names its HTTP client because the local classpath carries several (DynamoDB
    // Local brings Apache and Netty) and the SDK would otherwise have to guess.

    public static DynamoDbClient dynamoDb(URI endpoint, Region region) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(region)
                .credentialsProvider(CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public static SqsClient sqs(URI endpoint, Region region) {
        return SqsClient.builder().endpointOverride(endpoint).region(region)
                .credentialsProvider(CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public static EventBridgeClient eventBridge(URI endpoint, Region region) {
        return EventBridgeClient.builder().endpointOverride(endpoint).region(region)
                .credentialsProvider(CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public static SesV2Client ses(URI endpoint, Region region) {
        return SesV2Client.builder().endpointOverride(endpoint).region(region)
                .credentialsProvider(CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @Override
    public void close() {
        dynamoDb.close();
        sqs.close();
        eventBridge.close();
        ses.close();
    }
}
