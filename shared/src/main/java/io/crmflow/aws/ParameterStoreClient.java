package io.crmflow.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The two SSM Parameter Store calls crmflow makes — PutParameter and GetParameter — spoken in
 * the service's JSON protocol, signed by the SDK's own SigV4 signer and sent by its HTTP client.
 * The SDK's SSM client would do the same, but it carries the whole SSM API: over 3,000 classes,
 * a quarter of every function's deployable jar, for two operations. Thread-safe.
 */
public final class ParameterStoreClient implements AutoCloseable {
    private static final String TARGET_PREFIX = "AmazonSSM.";
    private static final int ATTEMPTS = 4;
    private final URI endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http = UrlConnectionHttpClient.create();
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /** A Parameter Store call refused or failed, with the service's error type (e.g. {@code AccessDeniedException}). */
    public static final class ParameterStoreException extends RuntimeException {
        private final String errorType;

        ParameterStoreException(String operation, String errorType, String message) {
            super("SSM " + operation + " failed: " + errorType + ": " + message);
            this.errorType = errorType;
        }

        public String errorType() {
            return errorType;
        }
    }

    /**
     * @param endpoint an endpoint override (an emulator); null for the service's own, or the one the
     *                 environment names as the SDK reads it ({@code AWS_ENDPOINT_URL_SSM}, then
     *                 {@code AWS_ENDPOINT_URL})
     */
    public ParameterStoreClient(URI endpoint, Region region, AwsCredentialsProvider credentials) {
        this.endpoint = endpoint != null ? endpoint : fromEnvironment(System.getenv(), region);
        this.region = region;
        this.credentials = credentials;
    }

    static URI fromEnvironment(Map<String, String> env, Region region) {
        for (String name : new String[] {"AWS_ENDPOINT_URL_SSM", "AWS_ENDPOINT_URL"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return URI.create(value);
            }
        }
        return URI.create("https://ssm." + region.id() + ".amazonaws.com");
    }

    /** Writes {@code value} as a standard-tier SecureString, over what {@code name} held; returns its new version. */
    public long putSecureString(String name, String value) {
        var body = Json.mapper().createObjectNode().put("Name", name).put("Value", value).put("Type", "SecureString")
                .put("Overwrite", true).put("Tier", "Standard");
        return call("PutParameter", body).path("Version").asLong();
    }

    /**
     * The decrypted value of a parameter, {@code name} possibly carrying a version selector
     * ({@code name:3}); empty when there is no such parameter or version.
     */
    public Optional<String> getDecrypted(String name) {
        var body = Json.mapper().createObjectNode().put("Name", name).put("WithDecryption", true);
        try {
            return Optional.of(call("GetParameter", body).path("Parameter").path("Value").asText());
        } catch (ParameterStoreException e) {
            if (e.errorType().equals("ParameterNotFound") || e.errorType().equals("ParameterVersionNotFound")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * One call, tried again — as the SDK would — when throttled, when the service failed (5xx)
     * or when the connection did: both operations may be repeated without harm (a put again
     * makes one more version of the same value).
     */
    private JsonNode call(String operation, JsonNode request) {
        byte[] body = Json.write(request).getBytes(StandardCharsets.UTF_8);
        for (int attempt = 1; ; attempt++) {
            try {
                Answer answer = send(operation, body);
                if (answer.status() / 100 == 2) {
                    return answer.json();
                }
                String type = errorType(answer.json());
                boolean retryable = answer.status() >= 500 || answer.status() == 429
                        || type.contains("Throttling") || type.equals("TooManyUpdates");
                if (!retryable || attempt == ATTEMPTS) {
                    throw new ParameterStoreException(operation, type, answer.json().path("message")
                            .asText(answer.json().path("Message").asText("status " + answer.status())));
                }
            } catch (IOException e) {
                if (attempt == ATTEMPTS) {
                    throw new UncheckedIOException("SSM " + operation + " failed after " + ATTEMPTS + " attempts", e);
                }
            }
            backOff(attempt);
        }
    }

    private record Answer(int status, JsonNode json) {
    }

    private Answer send(String operation, byte[] body) throws IOException {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .encodedPath(endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath())
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", TARGET_PREFIX + operation)
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ssm")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                .contentStreamProvider(signed.payload().orElse(null)).build()).call();
        byte[] answer;
        try (InputStream in = response.responseBody().map(InputStream.class::cast).orElse(InputStream.nullInputStream())) {
            answer = in.readAllBytes();
        }
        return new Answer(response.httpResponse().statusCode(), json(new String(answer, StandardCharsets.UTF_8)));
    }

    /** A body that is not JSON (a proxy's error page) becomes the message of an error without a type. */
    private static JsonNode json(String body) {
        if (body.isBlank()) {
            return Json.mapper().createObjectNode();
        }
        try {
            return Json.tree(body);
        } catch (RuntimeException notJson) {
            return Json.mapper().createObjectNode().put("message", body.length() > 200 ? body.substring(0, 200) : body);
        }
    }

    /** The error's type without the namespace some endpoints put before it ({@code com.amazonaws.ssm#ParameterNotFound}). */
    private static String errorType(JsonNode error) {
        String type = error.path("__type").asText("UnknownError");
        return type.substring(type.lastIndexOf('#') + 1);
    }

    private static void backOff(int attempt) {
        long ceiling = 50L << attempt;
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between SSM attempts", e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
