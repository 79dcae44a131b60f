package io.crmflow.cli;

import io.crmflow.cli.remote.ApiClient;
import java.net.URI;
import picocli.CommandLine.Option;

/**
 * How to reach a deployment: its API's address and the credentials sent with each request. Each
 * option falls back to an environment variable, so a shell or a CI job sets them once.
 */
final class TargetOptions {
    static final String DEFAULT_ENDPOINT = "http://127.0.0.1:8080";

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "The API's address (env CRMFLOW_ENDPOINT; default " + DEFAULT_ENDPOINT + ").")
    String endpoint;

    @Option(names = "--token", paramLabel = "JWT",
            description = "Sent as 'Authorization: Bearer <JWT>' (env CRMFLOW_TOKEN): the tenant is the token's;"
                    + " changing definitions needs the admin role.")
    String token;

    @Option(names = "--user", paramLabel = "ID",
            description = "The user changes are made for, sent as x-crmflow-user; a journey created is owned by"
                    + " this user (env CRMFLOW_USER).")
    String user;

    ApiClient client(Console console) {
        String address = endpoint != null ? endpoint : console.env().getOrDefault("CRMFLOW_ENDPOINT", DEFAULT_ENDPOINT);
        return new ApiClient(URI.create(address), new ApiClient.Credentials(
                orEnv(token, "CRMFLOW_TOKEN", console), orEnv(user, "CRMFLOW_USER", console)));
    }

    private static String orEnv(String given, String variable, Console console) {
        String value = given != null ? given : console.env().get(variable);
        return value == null || value.isBlank() ? null : value;
    }
}
