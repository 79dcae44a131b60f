package io.crmflow.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SDK clients a process needs, built once and shared (they are thread-safe). The
 * URL-connection HTTP client keeps the jars small and the cold start short (no Apache or
 * Netty). With an endpoint override (LocalStack, moto, the local stack) credentials fall back
 * to fixed dummies when none are configured, which emulators accept.
 */
public record AwsClients(DynamoDbClient dynamoDb, SqsClient sqs, EventBridgeClient eventBridge, SesV2Client ses) {

    /** Endpoint overrides per service; a null one means the service's AWS endpoint. */
    public record Endpoints(URI dynamoDb, URI sqs, URI eventBridge, URI ses) {
        public static Endpoints all(URI endpoint) {
            return new Endpoints(endpoint, endpoint, endpoint, endpoint);
        }

        boolean anyOverride() {
            return dynamoDb != null || sqs != null || eventBridge != null || ses != null;
        }
    }

    public static AwsClients create(AwsSettings settings) {
        return create(settings.region(), Endpoints.all(settings.endpoint()));
    }

    public static AwsClients create(String regionName, Endpoints endpoints) {
        SdkHttpClient http = UrlConnectionHttpClient.builder().build();
        Region region = Region.of(regionName);
        AwsCredentialsProvider credentials = credentials(endpoints.anyOverride());
        var dynamo = DynamoDbClient.builder().httpClient(http).region(region).credentialsProvider(credentials);
        var sqs = SqsClient.builder().httpClient(http).region(region).credentialsProvider(credentials);
        var events = EventBridgeClient.builder().httpClient(http).region(region).credentialsProvider(credentials);
        var ses = SesV2Client.builder().httpClient(http).region(region).credentialsProvider(credentials);
        if (endpoints.dynamoDb() != null) {
            dynamo.endpointOverride(endpoints.dynamoDb());
        }
        if (endpoints.sqs() != null) {
            sqs.endpointOverride(endpoints.sqs());
        }
        if (endpoints.eventBridge() != null) {
            events.endpointOverride(endpoints.eventBridge());
        }
        if (endpoints.ses() != null) {
            ses.endpointOverride(endpoints.ses());
        }
        return new AwsClients(dynamo.build(), sqs.build(), events.build(), ses.build());
    }

    private static AwsCredentialsProvider credentials(boolean emulated) {
        if (!emulated) {
            return DefaultCredentialsProvider.builder().build();
        }
        return AwsCredentialsProviderChain.builder()
                .credentialsProviders(DefaultCredentialsProvider.builder().build(),
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }
}
