package io.crmflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.store.EffectLedger.Claim;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link EffectLedger}: claims before an effect, results after it (R-RUN-5). */
public abstract class EffectLedgerContract extends StoreContract {
    private static final String KEY = "enrollment-1#3#send-email";
    private static final Instant CLAIM_ENDS = NOW.plusSeconds(30);

    @Test
    @DisplayName("R-RUN-5 a second attempt meets the first one's claim while it lasts")
    void claim_whileHeld_isInProgressUntilItExpires() {
        assertThat(stores.effects().claim(T, KEY, NOW, CLAIM_ENDS)).isEqualTo(new Claim.Acquired());

        assertThat(stores.effects().claim(T, KEY, NOW.plusSeconds(1), NOW.plusSeconds(31)))
                .isEqualTo(new Claim.InProgress(CLAIM_ENDS));
        assertThat(stores.effects().claim(T, KEY, CLAIM_ENDS, CLAIM_ENDS.plusSeconds(30)))
                .as("a claim still holds at the instant it expires").isEqualTo(new Claim.InProgress(CLAIM_ENDS));
        assertThat(stores.effects().result(T, KEY)).isEmpty();
    }

    @Test
    @DisplayName("R-RUN-5 an expired claim is taken over: its holder is presumed dead")
    void claim_afterExpiry_isTakenOver() {
        stores.effects().claim(T, KEY, NOW, CLAIM_ENDS);
        Instant takeoverEnds = CLAIM_ENDS.plusSeconds(60);

        assertThat(stores.effects().claim(T, KEY, CLAIM_ENDS.plusMillis(1), takeoverEnds))
                .isEqualTo(new Claim.Acquired());
        assertThat(stores.effects().claim(T, KEY, CLAIM_ENDS.plusSeconds(2), takeoverEnds.plusSeconds(1)))
                .isEqualTo(new Claim.InProgress(takeoverEnds));
    }

    @Test
    @DisplayName("R-RUN-5 a completed effect is never made again, even long after")
    void complete_thenClaim_isAlreadyDoneWithTheResult() {
        stores.effects().claim(T, KEY, NOW, CLAIM_ENDS);
        stores.effects().complete(T, KEY, "ses-message-id-1");

        assertThat(stores.effects().claim(T, KEY, NOW.plusSeconds(3600), NOW.plusSeconds(3630)))
                .isEqualTo(new Claim.AlreadyDone("ses-message-id-1"));
        assertThat(stores.effects().result(T, KEY)).contains("ses-message-id-1");
    }

    @Test
    void complete_withEmptyResult_isDone() {
        stores.effects().claim(T, KEY, NOW, CLAIM_ENDS);
        stores.effects().complete(T, KEY, "");

        assertThat(stores.effects().claim(T, KEY, NOW, CLAIM_ENDS)).isEqualTo(new Claim.AlreadyDone(""));
        assertThat(stores.effects().result(T, KEY)).contains("");
    }

    @Test
    void complete_withoutClaim_isRefused() {
        assertThatThrownBy(() -> stores.effects().complete(T, KEY, "x")).isInstanceOf(IllegalStateException.class);
        assertThat(stores.effects().result(T, KEY)).isEmpty();
    }

    @Test
    void release_letsTheNextAttemptClaim() {
        stores.effects().claim(T, KEY, NOW, CLAIM_ENDS);
        stores.effects().release(T, KEY);

        assertThat(stores.effects().claim(T, KEY, NOW.plusSeconds(1), CLAIM_ENDS)).isEqualTo(new Claim.Acquired());
    }

    @Test
    void release_ofCompletedOrUnknownEffect_changesNothing() {
        stores.effects().claim(T, KEY, NOW, CLAIM_ENDS);
        stores.effects().complete(T, KEY, "done");
        stores.effects().release(T, KEY);
        stores.effects().release(T, "never-claimed");

        assertThat(stores.effects().claim(T, KEY, NOW, CLAIM_ENDS)).isEqualTo(new Claim.AlreadyDone("done"));
        assertThat(stores.effects().result(T, "never-claimed")).isEmpty();
    }

    @Test
    @DisplayName("R-RUN-5 of attempts racing for one effect, exactly one acquires it")
    void claim_racingAttempts_exactlyOneAcquires() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(atomicUnderConcurrency(),
                "this backend does not make conditional writes atomic under concurrent requests");
        List<Claim> claims = Racing.race(8, () -> stores.effects().claim(T, KEY, NOW, CLAIM_ENDS));

        assertThat(claims).filteredOn(c -> c instanceof Claim.Acquired).hasSize(1);
        assertThat(claims).filteredOn(c -> c instanceof Claim.InProgress).hasSize(7);
    }

    @Test
    void claims_areKeptPerTenant() {
        stores.effects().claim(T, KEY, NOW, CLAIM_ENDS);

        assertThat(stores.effects().claim(OTHER_TENANT, KEY, NOW, CLAIM_ENDS)).isEqualTo(new Claim.Acquired());
    }

    @Test
    @DisplayName("a change made inside the table is recorded done in its own commit, once: a second commit fails whole")
    void putEffectDone_once_thenConflicts_andReadsAsDone() {
        commit(new Write.PutEffectDone(T, KEY, "moved", NOW));

        ConflictException again = conflict(create(contactRecord("c9")), new Write.PutEffectDone(T, KEY, "moved", NOW));

        assertThat(again.writeIndex()).isEqualTo(1);
        assertThat(stores.records().record(T, contact("c9"))).as("nothing of the failed commit is left").isEmpty();
        assertThat(stores.effects().result(T, KEY)).contains("moved");
        assertThat(stores.effects().claim(T, KEY, NOW, CLAIM_ENDS)).isEqualTo(new Claim.AlreadyDone("moved"));
    }
}
