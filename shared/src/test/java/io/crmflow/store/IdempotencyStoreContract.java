package io.crmflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.store.IdempotencyStore.Answer;
import io.crmflow.store.IdempotencyStore.Claim;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link IdempotencyStore}: a key is claimed before its request runs, keeps the answer after,
 * and is forgotten at its expiry (R-RUN-6). Each backend runs it against an empty store.
 */
public abstract class IdempotencyStoreContract {
    protected static final String T = "t1";
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant CLAIM_ENDS = NOW.plusSeconds(30);
    private static final Instant EXPIRES = NOW.plus(Duration.ofHours(24));
    private static final String KEY = "3f1c0d7e-5a4b-4e0f-9c1a-2b7d8e6f5a40";
    private static final String HASH = "hash-of-post-records-contact";
    private static final Answer CREATED = new Answer(201, "application/json", "{\"id\":\"c-1\",\"name\":\"Zoë ✓\"}");

    private IdempotencyStore store;

    /** A store with nothing in it, not shared with any other test. */
    protected abstract IdempotencyStore newStore();

    /** Whether the backend makes conditional writes atomic under concurrent requests (moto does not). */
    protected abstract boolean atomicUnderConcurrency();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    private Claim claim(Instant now) {
        return claim(KEY, HASH, now);
    }

    private Claim claim(String key, String hash, Instant now) {
        return store.claim(T, key, hash, now, now.plusSeconds(30), now.plus(Duration.ofHours(24)));
    }

    @Test
    void claim_newKey_isAcquired() {
        assertThat(claim(NOW)).isEqualTo(new Claim.Acquired());
    }

    @Test
    @DisplayName("R-RUN-6 a second send meets the first one's claim, with its request, while the claim lasts")
    void claim_whileHeld_isInProgressUntilTheClaimExpires() {
        claim(NOW);

        assertThat(claim(KEY, "other-hash", NOW.plusSeconds(1))).isEqualTo(new Claim.InProgress(HASH, CLAIM_ENDS));
        assertThat(claim(CLAIM_ENDS)).as("a claim still holds at the instant it expires")
                .isEqualTo(new Claim.InProgress(HASH, CLAIM_ENDS));
    }

    @Test
    @DisplayName("R-RUN-6 a claim whose holder died (it expired) is taken over")
    void claim_afterTheClaimExpired_isAcquiredAgain() {
        claim(NOW);

        assertThat(claim(KEY, "other-hash", CLAIM_ENDS.plusMillis(1))).isEqualTo(new Claim.Acquired());
        assertThat(claim(CLAIM_ENDS.plusSeconds(2))).isEqualTo(new Claim.InProgress("other-hash",
                CLAIM_ENDS.plusMillis(1).plusSeconds(30)));
    }

    @Test
    @DisplayName("R-RUN-6 a completed key gives its answer back exactly, long after its claim expired")
    void complete_thenClaim_isCompletedWithTheAnswer() {
        claim(NOW);
        store.complete(T, KEY, CREATED, EXPIRES);

        assertThat(claim(KEY, "other-hash", NOW.plus(Duration.ofHours(23))))
                .isEqualTo(new Claim.Completed(HASH, CREATED));
    }

    @Test
    void complete_answerWithoutBody_keepsItsStatusAlone() {
        claim(NOW);
        store.complete(T, KEY, new Answer(204, null, null), EXPIRES);

        assertThat(claim(NOW.plusSeconds(1))).isEqualTo(new Claim.Completed(HASH, new Answer(204, null, null)));
    }

    @Test
    @DisplayName("R-RUN-6 a completed key is forgotten at its expiry, before any time-to-live removes it")
    void claim_atTheRecordsExpiry_isAcquiredAgain() {
        claim(NOW);
        store.complete(T, KEY, CREATED, EXPIRES);

        assertThat(claim(KEY, HASH, EXPIRES.minusSeconds(1))).isEqualTo(new Claim.Completed(HASH, CREATED));
        assertThat(claim(KEY, "other-hash", EXPIRES)).isEqualTo(new Claim.Acquired());
    }

    @Test
    void complete_withoutClaim_orTwice_isRefused() {
        assertThatThrownBy(() -> store.complete(T, KEY, CREATED, EXPIRES)).isInstanceOf(IllegalStateException.class);

        claim(NOW);
        store.complete(T, KEY, CREATED, EXPIRES);
        assertThatThrownBy(() -> store.complete(T, KEY, new Answer(200, "application/json", "{}"), EXPIRES))
                .isInstanceOf(IllegalStateException.class);
        assertThat(claim(NOW)).isEqualTo(new Claim.Completed(HASH, CREATED));
    }

    @Test
    @DisplayName("R-RUN-6 a released claim leaves the key free for the corrected request")
    void release_letsTheNextSendClaim() {
        claim(NOW);
        store.release(T, KEY);

        assertThat(claim(KEY, "corrected-hash", NOW.plusSeconds(1))).isEqualTo(new Claim.Acquired());
    }

    @Test
    void release_ofCompletedOrUnknownKey_changesNothing() {
        claim(NOW);
        store.complete(T, KEY, CREATED, EXPIRES);
        store.release(T, KEY);
        store.release(T, "never-claimed");

        assertThat(claim(NOW)).isEqualTo(new Claim.Completed(HASH, CREATED));
    }

    @Test
    @DisplayName("R-RUN-6 keys are kept per tenant")
    void keys_areKeptPerTenant() {
        claim(NOW);

        assertThat(store.claim("t2", KEY, HASH, NOW, CLAIM_ENDS, EXPIRES)).isEqualTo(new Claim.Acquired());
        assertThat(store.claim("t2", KEY, HASH, NOW, CLAIM_ENDS, EXPIRES)).isEqualTo(new Claim.InProgress(HASH, CLAIM_ENDS));
        assertThat(claim(NOW.plusSeconds(1))).isEqualTo(new Claim.InProgress(HASH, CLAIM_ENDS));
    }

    @Test
    void keys_holdingSeparatorsAndSpaces_areTheirOwn() {
        claim("a#b", HASH, NOW);

        assertThat(claim("a", HASH, NOW)).isEqualTo(new Claim.Acquired());
        assertThat(claim("a#b c", HASH, NOW)).isEqualTo(new Claim.Acquired());
        assertThat(claim("a#b", HASH, NOW)).isEqualTo(new Claim.InProgress(HASH, CLAIM_ENDS));
    }

    @Test
    @DisplayName("R-RUN-6 of sends racing with one key, exactly one runs")
    void claim_racingSends_exactlyOneAcquires() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(atomicUnderConcurrency(),
                "this backend does not make conditional writes atomic under concurrent requests");
        List<Claim> claims = Racing.race(8, () -> claim(NOW));

        assertThat(claims).filteredOn(c -> c instanceof Claim.Acquired).hasSize(1);
        assertThat(claims).filteredOn(c -> c instanceof Claim.InProgress).hasSize(7);
    }
}
