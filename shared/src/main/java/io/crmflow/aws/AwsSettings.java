package io.crmflow.aws;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where the AWS resources are: read from the environment in Lambda (names set by
 * template.yaml), built directly by the local stack and the tests.
 *
 * @param endpoint        an endpoint override for every service (LocalStack, moto, the local stack);
 *                        null in AWS
 * @param parameterPrefix the SSM Parameter Store path the deployment keeps its tenants' secrets under
 */
public record AwsSettings(String region, URI endpoint, String tableName, String eventBusName, String eventSource,
                          String stepQueueUrl, String mailFrom, String triggerQueueUrl, String parameterPrefix) {

    public static final String TABLE = "CRMFLOW_TABLE";
    public static final String EVENT_BUS = "CRMFLOW_EVENT_BUS";
    public static final String EVENT_SOURCE = "CRMFLOW_EVENT_SOURCE";
    public static final String STEP_QUEUE_URL = "CRMFLOW_STEP_QUEUE_URL";
    public static final String MAIL_FROM = "CRMFLOW_MAIL_FROM";
    /** Where backfill pages go (R-WF-8): the queue the trigger function reads. */
    public static final String TRIGGER_QUEUE_URL = "CRMFLOW_TRIGGER_QUEUE_URL";
    /** Where secrets are kept: {@code /crmflow/{stack}}, the path the functions' IAM roles name. */
    public static final String PARAMETER_PREFIX = "CRMFLOW_PARAMETER_PREFIX";
    public static final String DEFAULT_EVENT_SOURCE = "crmflow";

    /** Reads the settings a function's environment carries; names what is missing. */
    public static AwsSettings fromEnvironment(Map<String, String> env) {
        String region = Optional.ofNullable(env.get("AWS_REGION")).orElse(env.getOrDefault("AWS_DEFAULT_REGION", "us-east-1"));
        String endpoint = env.get("AWS_ENDPOINT_URL");
        return new AwsSettings(region, endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint),
                required(env, TABLE), required(env, EVENT_BUS), env.getOrDefault(EVENT_SOURCE, DEFAULT_EVENT_SOURCE),
                required(env, STEP_QUEUE_URL), env.getOrDefault(MAIL_FROM, ""), required(env, TRIGGER_QUEUE_URL),
                required(env, PARAMETER_PREFIX));
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set (template.yaml sets it)");
        }
        return value;
    }
}
