package io.crmflow.store.memory;

import io.crmflow.store.SecretStore;
import io.crmflow.store.SecretStoreContract;

class InMemorySecretStoreTest extends SecretStoreContract {
    @Override
    protected SecretStore newStore() {
        return new InMemorySecretStore();
    }
}
