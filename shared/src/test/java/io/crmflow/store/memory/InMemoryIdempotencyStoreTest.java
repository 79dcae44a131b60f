package io.crmflow.store.memory;

import io.crmflow.store.IdempotencyStore;
import io.crmflow.store.IdempotencyStoreContract;

/** Runs the idempotency store's contract against {@link InMemoryIdempotencyStore}. */
class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {
    @Override
    protected IdempotencyStore newStore() {
        return new InMemoryIdempotencyStore();
    }

    @Override
    protected boolean atomicUnderConcurrency() {
        return true;
    }
}
