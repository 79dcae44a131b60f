package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.engine.IdempotentRequests.Outcome;
import io.crmflow.store.IdempotencyStore;
import io.crmflow.store.IdempotencyStore.Answer;
import io.crmflow.store.memory.InMemoryIdempotencyStore;
import io.crmflow.testing.ReadingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-RUN-6: a request sent with an idempotency key runs once; repeats get its answer. */
class IdempotentRequestsTest {
    private static final String T = "acme";
    private static final String KEY = "key-1";
    private static final String HASH = "hash-of-the-request";
    private static final Answer CREATED = new Answer(201, "application/json", "{\"id\":\"c-1\"}");

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T09:00:00Z"));
    private final IdempotencyStore store = new InMemoryIdempotencyStore();
    private final IdempotentRequests requests = new IdempotentRequests(store, new ReadingClock(now::get));
    private final AtomicInteger runs = new AtomicInteger();

    private Supplier<Answer> counted(Answer answer) {
        return () -> {
            runs.incrementAndGet();
            return answer;
        };
    }

    private Outcome send(String hash, Answer answer) {
        return requests.run(T, KEY, hash, counted(answer));
    }

    private void later(Duration by) {
        now.set(now.get().plus(by));
    }

    @Test
    @DisplayName("R-RUN-6 a repeat gets the first answer, and the request does not run again")
    void run_repeat_replaysTheAnswerWithoutRunning() {
        assertThat(send(HASH, CREATED)).isEqualTo(new Outcome.Ran(CREATED));
        later(Duration.ofHours(1));

        assertThat(send(HASH, new Answer(201, "application/json", "{\"id\":\"c-2\"}")))
                .isEqualTo(new Outcome.Replayed(CREATED));
        assertThat(runs).hasValue(1);
    }

    @Test
    @DisplayName("R-RUN-6 the key sent with another request is refused, and that request does not run")
    void run_otherRequestWithTheKey_isKeyReused() {
        send(HASH, CREATED);

        assertThat(send("hash-of-another-request", CREATED)).isEqualTo(new Outcome.KeyReused());
        assertThat(runs).hasValue(1);
    }

    @Test
    @DisplayName("R-RUN-6 a refusal is not kept: the corrected request may use the key")
    void run_refused_givesTheKeyUp() {
        Answer refused = new Answer(400, "application/problem+json", "{\"status\":400}");
        assertThat(send(HASH, refused)).isEqualTo(new Outcome.Ran(refused));

        assertThat(send("hash-of-the-corrected-request", CREATED)).isEqualTo(new Outcome.Ran(CREATED));
        assertThat(runs).hasValue(2);
    }

    @Test
    @DisplayName("R-RUN-6 a request that fails gives the key up, and its failure reaches the caller")
    void run_throws_givesTheKeyUpAndRethrows() {
        assertThatThrownBy(() -> requests.run(T, KEY, HASH, () -> {
            throw new IllegalStateException("the table is unavailable");
        })).hasMessage("the table is unavailable");

        assertThat(send(HASH, CREATED)).isEqualTo(new Outcome.Ran(CREATED));
    }

    @Test
    @DisplayName("R-RUN-6 a repeat while the first send runs is told so, and runs nothing; another request is refused")
    void run_whileTheFirstRuns_isStillRunning() {
        AtomicReference<Outcome> repeat = new AtomicReference<>();
        AtomicReference<Outcome> other = new AtomicReference<>();

        requests.run(T, KEY, HASH, () -> {
            repeat.set(send(HASH, CREATED));
            other.set(send("hash-of-another-request", CREATED));
            return CREATED;
        });

        assertThat(repeat.get()).isEqualTo(new Outcome.StillRunning(now.get().plus(IdempotentRequests.CLAIM)));
        assertThat(other.get()).isEqualTo(new Outcome.KeyReused());
        assertThat(runs).hasValue(0);
    }

    @Test
    @DisplayName("R-RUN-6 a send that died leaves its key free once its claim expires")
    void run_afterADeadSendsClaimExpired_runs() {
        Instant start = now.get();
        store.claim(T, KEY, HASH, start, start.plus(IdempotentRequests.CLAIM), start.plus(IdempotentRequests.KEPT));

        later(IdempotentRequests.CLAIM);
        assertThat(send(HASH, CREATED)).isInstanceOf(Outcome.StillRunning.class);
        later(Duration.ofMillis(1));
        assertThat(send(HASH, CREATED)).isEqualTo(new Outcome.Ran(CREATED));
        assertThat(runs).hasValue(1);
    }

    @Test
    @DisplayName("R-RUN-6 an answer is given again for a day, then the key is free")
    void run_afterTheAnswerExpired_runsAgain() {
        send(HASH, CREATED);

        later(IdempotentRequests.KEPT.minusSeconds(1));
        assertThat(send(HASH, CREATED)).isEqualTo(new Outcome.Replayed(CREATED));
        later(Duration.ofSeconds(1));
        assertThat(send("hash-of-another-request", CREATED)).isEqualTo(new Outcome.Ran(CREATED));
        assertThat(runs).hasValue(2);
    }

    @Test
    @DisplayName("R-RUN-6 an answer kept is kept from when it was given, not from when the request started")
    void run_slowRequest_keepsItsAnswerADayFromTheAnswer() {
        requests.run(T, KEY, HASH, () -> {
            later(Duration.ofSeconds(20));
            return CREATED;
        });

        later(IdempotentRequests.KEPT.minusSeconds(1));
        assertThat(send(HASH, CREATED)).isEqualTo(new Outcome.Replayed(CREATED));
    }

    @Test
    @DisplayName("R-RUN-6 an answer the store cannot keep is still given, and the key is left free")
    void run_storeFailsToKeepTheAnswer_answersAndFreesTheKey() {
        IdempotentRequests unkept = new IdempotentRequests(new FailingToComplete(new InMemoryIdempotencyStore()),
                new ReadingClock(now::get));

        assertThat(unkept.run(T, KEY, HASH, counted(CREATED))).isEqualTo(new Outcome.Ran(CREATED));
        assertThat(unkept.run(T, KEY, HASH, counted(CREATED))).isEqualTo(new Outcome.Ran(CREATED));
    }

    /** A store whose writes of answers fail, as a table refusing an item too large would. */
    private record FailingToComplete(IdempotencyStore inner) implements IdempotencyStore {
        @Override
        public Claim claim(String tenantId, String key, String requestHash, Instant now, Instant claimExpiresAt,
                           Instant expiresAt) {
            return inner.claim(tenantId, key, requestHash, now, claimExpiresAt, expiresAt);
        }

        @Override
        public void complete(String tenantId, String key, Answer answer, Instant expiresAt) {
            throw new IllegalArgumentException("item too large");
        }

        @Override
        public void release(String tenantId, String key) {
            inner.release(tenantId, key);
        }
    }
}
