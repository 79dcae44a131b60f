package io.crmflow.aws;

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

    public static AwsClients create(AwsSettings settings) {
        SdkHttpClient http = UrlConnectionHttpClient.builder().build();
        Region region = Region.of(settings.region());
        AwsCredentialsProvider credentials = credentials(settings);
        var dynamo = DynamoDbClient.builder().httpClient(http).region(region).credentialsProvider(credentials);
        var sqs = SqsClient.builder().httpClient(http).region(region).credentialsProvider(credentials);
        var events = EventBridgeClient.builder().httpClient(http).region(region).credentialsProvider(credentials);
        var ses = SesV2Client.builder().httpClient(http).region(region).credentialsProvider(credentials);
        if (settings.endpoint() != null) {
            dynamo.endpointOverride(settings.endpoint());
            sqs.endpointOverride(settings.endpoint());
            events.endpointOverride(settings.endpoint());
            ses.endpointOverride(settings.endpoint());
        }
        return new AwsClients(dynamo.build(), sqs.build(), events.build(), ses.build());
    }

    private static AwsCredentialsProvider credentials(AwsSettings settings) {
        if (settings.endpoint() == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        return AwsCredentialsProviderChain.builder()
                .credentialsProviders(DefaultCredentialsProvider.builder().build(),
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }
}
