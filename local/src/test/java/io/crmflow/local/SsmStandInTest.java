package io.crmflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.ParameterVersionNotFoundException;
import software.amazon.awssdk.services.ssm.model.SsmException;

@DisplayName("SSM stand-in: SecureStrings put, versioned, read and deleted through the SDK, refused as SSM refuses")
class SsmStandInTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static SsmStandIn server;
    static SsmClient ssm;

    @BeforeAll
    static void start() {
        server = SsmStandIn.start("eu-west-1", "123456789012", Clock.fixed(NOW, ZoneOffset.UTC));
        ssm = SdkSsm.client(server.endpoint(), Region.EU_WEST_1);
    }

    @AfterAll
    static void stop() {
        ssm.close();
        server.close();
    }

    private static String name() {
        return "/crmflow/test/tenants/" + UUID.randomUUID() + "/webhook-signing-secret";
    }

    private static long putSecure(String name, String value, boolean overwrite) {
        return ssm.putParameter(b -> b.name(name).value(value).type(ParameterType.SECURE_STRING).overwrite(overwrite))
                .version();
    }

    @Test
    void secureString_readWithDecryption_isTheValue_andWithoutIt_isNot() {
        String name = name();
        assertThat(putSecure(name, "s3cret-one", false)).isEqualTo(1);

        Parameter decrypted = ssm.getParameter(b -> b.name(name).withDecryption(true)).parameter();
        Parameter sealed = ssm.getParameter(b -> b.name(name)).parameter();

        assertThat(decrypted.value()).isEqualTo("s3cret-one");
        assertThat(decrypted.type()).isEqualTo(ParameterType.SECURE_STRING);
        assertThat(decrypted.version()).isEqualTo(1);
        assertThat(decrypted.lastModifiedDate()).isEqualTo(NOW);
        assertThat(decrypted.arn()).isEqualTo("arn:aws:ssm:eu-west-1:123456789012:parameter" + name);
        assertThat(sealed.value()).isNotBlank().doesNotContain("s3cret-one");
    }

    @Test
    void putOverAnExistingName_isRefusedWithoutOverwrite_andIsANewVersionWithIt() {
        String name = name();
        putSecure(name, "s3cret-one", false);

        assertThatThrownBy(() -> putSecure(name, "s3cret-two", false)).isInstanceOf(ParameterAlreadyExistsException.class);
        assertThat(putSecure(name, "s3cret-two", true)).isEqualTo(2);

        assertThat(ssm.getParameter(b -> b.name(name).withDecryption(true)).parameter().value()).isEqualTo("s3cret-two");
        Parameter first = ssm.getParameter(b -> b.name(name + ":1").withDecryption(true)).parameter();
        assertThat(first.value()).isEqualTo("s3cret-one");
        assertThat(first.selector()).isEqualTo(":1");
        assertThatThrownBy(() -> ssm.getParameter(b -> b.name(name + ":3").withDecryption(true)))
                .isInstanceOf(ParameterVersionNotFoundException.class).hasMessageContaining("version 3");
    }

    @Test
    void delete_forgetsEveryVersion_andAnUnknownNameIsNotFound() {
        String name = name();
        putSecure(name, "s3cret-one", false);

        ssm.deleteParameter(b -> b.name(name));

        assertThatThrownBy(() -> ssm.getParameter(b -> b.name(name))).isInstanceOf(ParameterNotFoundException.class);
        assertThatThrownBy(() -> ssm.deleteParameter(b -> b.name(name))).isInstanceOf(ParameterNotFoundException.class);
    }

    @Test
    void namesSsmCannotHold_aMissingType_andATooLongValue_areValidationErrors() {
        for (String bad : new String[] {"/crmflow/t:1/secret", "/crmflow/has space", "/aws/reserved", "no//empty"}) {
            assertThatThrownBy(() -> putSecure(bad, "v", false)).as(bad).isInstanceOfSatisfying(SsmException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        }
        assertThatThrownBy(() -> ssm.putParameter(b -> b.name(name()).value("v")))
                .isInstanceOfSatisfying(SsmException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("type is required"));
        assertThatThrownBy(() -> putSecure(name(), "x".repeat(4097), false))
                .isInstanceOfSatisfying(SsmException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("4096"));
    }

    @Test
    void anOperationTheStandInDoesNotImplement_isNamedInTheError() {
        assertThatThrownBy(() -> ssm.describeParameters(b -> b.maxResults(1)))
                .isInstanceOfSatisfying(SsmException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("DescribeParameters");
                });
    }
}
