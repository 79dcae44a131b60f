package io.crmflow.aws;

import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SDK clients a process needs, built once and shared (they are thread-safe); {@link #close()}
 * closes all five. Every client names the URL-connection HTTP client: it keeps the Lambda jars
 * small and the cold start short, and the local classpath carries several HTTP clients that the
 * SDK would otherwise have to choose between. Against an emulator (an endpoint override) the
 * credentials are fixed dummies, which emulators accept, so nothing probes for real ones.
 */
public record AwsClients(DynamoDbClient dynamoDb, SqsClient sqs, EventBridgeClient eventBridge, SesV2Client ses,
                         ParameterStoreClient parameters) implements AutoCloseable {

    private static final AwsCredentialsProvider EMULATOR_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    /** Endpoint overrides per service; all null means the services' AWS endpoints. */
    public record Endpoints(URI dynamoDb, URI sqs, URI eventBridge, URI ses, URI ssm) {
        /** One endpoint for every service, as an emulator such as LocalStack or moto serves them. */
        public static Endpoints all(URI endpoint) {
            return new Endpoints(endpoint, endpoint, endpoint, endpoint, endpoint);
        }
    }

    public static AwsClients create(AwsSettings settings) {
        return create(Endpoints.all(settings.endpoint()), Region.of(settings.region()));
    }

    public static AwsClients create(Endpoints endpoints, Region region) {
        return create(endpoints, region, List.of());
    }

    /**
     * @param observers see every call each SDK client makes (a local stack's tests recording the
     *                  writes a request makes, a benchmark counting the requests an action costs);
     *                  none in a deployment. Parameter Store's calls are not SDK calls
     *                  ({@link ParameterStoreClient}) and are not seen.
     */
    public static AwsClients create(Endpoints endpoints, Region region, List<ExecutionInterceptor> observers) {
        return new AwsClients(dynamoDb(endpoints.dynamoDb(), region, observers), sqs(endpoints.sqs(), region, observers),
                eventBridge(endpoints.eventBridge(), region, observers), ses(endpoints.ses(), region, observers),
                parameters(endpoints.ssm(), region));
    }

    public static DynamoDbClient dynamoDb(URI endpoint, Region region) {
        return dynamoDb(endpoint, region, List.of());
    }

    private static DynamoDbClient dynamoDb(URI endpoint, Region region, List<ExecutionInterceptor> observers) {
        var b = DynamoDbClient.builder().region(region).httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.executionInterceptors(observers))
                .credentialsProvider(credentials(endpoint));
        return (endpoint == null ? b : b.endpointOverride(endpoint)).build();
    }

    public static SqsClient sqs(URI endpoint, Region region) {
        return sqs(endpoint, region, List.of());
    }

    public static SqsClient sqs(URI endpoint, Region region, List<ExecutionInterceptor> observers) {
        var b = SqsClient.builder().region(region).httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.executionInterceptors(observers))
                .credentialsProvider(credentials(endpoint));
        return (endpoint == null ? b : b.endpointOverride(endpoint)).build();
    }

    public static EventBridgeClient eventBridge(URI endpoint, Region region) {
        return eventBridge(endpoint, region, List.of());
    }

    private static EventBridgeClient eventBridge(URI endpoint, Region region, List<ExecutionInterceptor> observers) {
        var b = EventBridgeClient.builder().region(region).httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.executionInterceptors(observers))
                .credentialsProvider(credentials(endpoint));
        return (endpoint == null ? b : b.endpointOverride(endpoint)).build();
    }

    /**
     * No SDK retries: a send that timed out may have gone out, and retrying inside the call
     * would send it twice where the effect ledger cannot see it.
     */
    public static SesV2Client ses(URI endpoint, Region region) {
        return ses(endpoint, region, List.of());
    }

    private static SesV2Client ses(URI endpoint, Region region, List<ExecutionInterceptor> observers) {
        var b = SesV2Client.builder().region(region).httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()).executionInterceptors(observers))
                .credentialsProvider(credentials(endpoint));
        return (endpoint == null ? b : b.endpointOverride(endpoint)).build();
    }

    /** Parameter Store, where the tenants' secrets are kept (SecureStrings). */
    public static ParameterStoreClient parameters(URI endpoint, Region region) {
        return new ParameterStoreClient(endpoint, region, credentials(endpoint));
    }

    private static AwsCredentialsProvider credentials(URI endpoint) {
        return endpoint == null ? DefaultCredentialsProvider.builder().build() : EMULATOR_CREDENTIALS;
    }

    @Override
    public void close() {
        dynamoDb.close();
        sqs.close();
        eventBridge.close();
        ses.close();
        parameters.close();
    }
}
