package io.crmflow.local;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The SDK's own SSM client, which the functions no longer carry: tests read and write
 * parameters with it to check the stand-in, and what crmflow's own Parameter Store calls wrote,
 * by a client that shares no code with them.
 */
public final class SdkSsm {
    private SdkSsm() {
    }

    public static SsmClient client(URI endpoint, Region region) {
        return SsmClient.builder().region(region).endpointOverride(endpoint)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }
}
