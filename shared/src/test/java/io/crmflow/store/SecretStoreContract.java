package io.crmflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.model.SecretRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SecretStore} must do: each put is a new version, a reference reads exactly
 * its version, tenants never share a secret. Run in memory in {@code shared} and on SSM's API in
 * {@code local}.
 */
public abstract class SecretStoreContract {
    private static final String NAME = "webhook-signing-secret";
    protected SecretStore store;

    /** A store with nothing in it, not shared with any other test. */
    protected abstract SecretStore newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @Test
    void put_thenGet_readsTheValueBack_atVersionOne() {
        SecretRef ref = store.put("t1", NAME, "s3cret-one");

        assertThat(ref.version()).isEqualTo(1);
        assertThat(store.get(ref)).contains("s3cret-one");
    }

    @Test
    void putAgain_isANewVersion_andEachReferenceReadsItsOwnVersion() {
        SecretRef first = store.put("t1", NAME, "s3cret-one");
        SecretRef second = store.put("t1", NAME, "s3cret-two");

        assertThat(second.name()).isEqualTo(first.name());
        assertThat(second.version()).isEqualTo(2);
        assertThat(store.get(second)).contains("s3cret-two");
        assertThat(store.get(first)).as("a version's value never changes").contains("s3cret-one");
    }

    @Test
    void tenants_neverShareASecret_alsoWhenTheirIdsDifferOnlyInCharactersANameCannotHold() {
        SecretRef colon = store.put("acme:eu", NAME, "colon-secret");
        SecretRef escaped = store.put("acme_3Aeu", NAME, "escaped-secret");
        SecretRef other = store.put("t2", NAME, "other-secret");

        assertThat(colon.name()).isNotEqualTo(escaped.name()).isNotEqualTo(other.name());
        assertThat(store.get(colon)).contains("colon-secret");
        assertThat(store.get(escaped)).contains("escaped-secret");
        assertThat(store.get(other)).contains("other-secret");
    }

    @Test
    void get_ofASecretNeverWritten_orAVersionNotYetWritten_isEmpty() {
        SecretRef ref = store.put("t1", NAME, "s3cret-one");

        assertThat(store.get(new SecretRef(ref.name(), 2))).isEmpty();
        assertThat(store.get(new SecretRef(ref.name().replace("t1", "t9"), 1))).isEmpty();
    }
}
