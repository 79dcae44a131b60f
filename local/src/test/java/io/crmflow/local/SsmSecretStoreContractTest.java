package io.crmflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.aws.AwsClients;
import io.crmflow.aws.ParameterStoreClient;
import io.crmflow.aws.SsmSecretStore;
import io.crmflow.model.SecretRef;
import io.crmflow.store.SecretStore;
import io.crmflow.store.SecretStoreContract;
import io.crmflow.testing.ReadingClock;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The secret store contract on SSM Parameter Store's API, checked with the SDK's own client: the SSM stand-in, or,
 * when {@code AWS_ENDPOINT_URL} is set, that endpoint (LocalStack, moto). Each test has a
 * parameter path of its own.
 */
class SsmSecretStoreContractTest extends SecretStoreContract {
    private static SsmStandIn standIn;
    private static SsmClient ssm;
    private static ParameterStoreClient parameters;
    private String prefix;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T09:00:00Z"));

    @BeforeAll
    static void connect() {
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        URI uri;
        if (endpoint == null || endpoint.isBlank()) {
            standIn = SsmStandIn.start("us-east-1", EmbeddedSqs.ACCOUNT_ID, Clock.systemUTC());
            uri = standIn.endpoint();
        } else {
            uri = URI.create(endpoint);
        }
        ssm = SdkSsm.client(uri, Region.US_EAST_1);
        parameters = AwsClients.parameters(uri, Region.US_EAST_1);
    }

    @AfterAll
    static void disconnect() {
        ssm.close();
        parameters.close();
        if (standIn != null) {
            standIn.close();
        }
    }

    @Override
    protected SecretStore newStore() {
        prefix = "/crmflow/contract-" + UUID.randomUUID().toString().substring(0, 8);
        return new SsmSecretStore(parameters, prefix, new ReadingClock(now::get));
    }

    @Test
    void put_isASecureStringUnderTheDeploymentsPath_readableOnlyWithDecryption() {
        SecretRef ref = store.put("acme", "webhook-signing-secret", "s3cret-one");

        assertThat(ref.name()).isEqualTo(prefix + "/tenants/acme/webhook-signing-secret");
        Parameter stored = ssm.getParameter(b -> b.name(ref.name())).parameter();
        assertThat(stored.type()).isEqualTo(ParameterType.SECURE_STRING);
        assertThat(stored.value()).isNotEqualTo("s3cret-one");
    }

    @Test
    void aTenantIdWithAColon_isEscapedIntoANameSsmCanHold() {
        SecretRef ref = store.put("acme:eu_1", "webhook-signing-secret", "s3cret-one");

        assertThat(ref.name()).isEqualTo(prefix + "/tenants/acme_3Aeu_5F1/webhook-signing-secret");
        assertThat(store.get(ref)).contains("s3cret-one");
    }

    @Test
    void aVersionDeletedBehindTheStoresBack_isStillReadFromTheCache_butANewStoreFindsItGone() {
        SecretRef ref = store.put("acme", "webhook-signing-secret", "s3cret-one");
        ssm.deleteParameter(b -> b.name(ref.name()));

        assertThat(store.get(ref)).as("a value read is kept a few minutes").contains("s3cret-one");
        assertThat(new SsmSecretStore(parameters, prefix, Clock.systemUTC()).get(ref)).isEmpty();
    }

    @Test
    void aParameterDeletedAndSetAgain_reusesItsVersion_andTheNewValueIsReadOnceTheCachedOneIsOld() {
        SecretRef leaked = store.put("acme", "webhook-signing-secret", "s3cret-leaked");
        assertThat(store.get(leaked)).contains("s3cret-leaked");
        ssm.deleteParameter(b -> b.name(leaked.name()));
        SecretRef fresh = new SsmSecretStore(parameters, prefix, Clock.systemUTC())
                .put("acme", "webhook-signing-secret", "s3cret-fresh");
        assertThat(fresh).as("SSM starts a parameter written again at version 1").isEqualTo(leaked);

        now.set(now.get().plus(Duration.ofMinutes(5)));

        assertThat(store.get(fresh)).contains("s3cret-fresh");
    }
}
