package io.crmflow.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.model.SecretRef;
import io.crmflow.testing.ReadingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-WF-4 the webhook signing secrets a process read are kept a few minutes, by reference")
class SecretCacheTest {
    private static final SecretRef REF = new SecretRef("/crmflow/prod/tenants/acme/webhook-signing-secret", 1);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T09:00:00Z"));
    private final SecretCache cache = new SecretCache(new ReadingClock(now::get));

    @Test
    void get_withinItsAge_givesTheValueRead() {
        cache.put(REF, "s3cret-one");
        now.set(now.get().plus(SecretCache.MAX_AGE).minusMillis(1));

        assertThat(cache.get(REF)).contains("s3cret-one");
    }

    @Test
    void get_onceTheValueIsOld_isEmpty_soAParameterWrittenAgainAtTheSameVersionIsReadAgain() {
        cache.put(REF, "s3cret-one");
        now.set(now.get().plus(SecretCache.MAX_AGE));

        assertThat(cache.get(REF)).isEmpty();
    }

    @Test
    void put_again_startsTheValuesAgeAfresh() {
        cache.put(REF, "s3cret-one");
        now.set(now.get().plus(Duration.ofMinutes(4)));
        cache.put(REF, "s3cret-two");
        now.set(now.get().plus(Duration.ofMinutes(4)));

        assertThat(cache.get(REF)).contains("s3cret-two");
    }
}
