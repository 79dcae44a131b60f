package io.crmflow.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** Where the Parameter Store calls go, read as the SDK reads it; the calls themselves are checked over HTTP in the local module. */
class ParameterStoreClientTest {

    @Test
    void theServicesOwnEndpoint_whenNothingNamesAnother() {
        assertThat(ParameterStoreClient.fromEnvironment(Map.of(), Region.EU_WEST_3))
                .isEqualTo(URI.create("https://ssm.eu-west-3.amazonaws.com"));
    }

    @Test
    void theServicesOwnVariable_overTheGlobalOne_asTheSdkReadsThem() {
        assertThat(ParameterStoreClient.fromEnvironment(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566",
                "AWS_ENDPOINT_URL_SSM", "http://127.0.0.1:9001"), Region.US_EAST_1))
                .isEqualTo(URI.create("http://127.0.0.1:9001"));
        assertThat(ParameterStoreClient.fromEnvironment(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"),
                Region.US_EAST_1)).isEqualTo(URI.create("http://127.0.0.1:4566"));
    }
}
