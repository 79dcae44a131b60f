package io.crmflow.store.memory;

import io.crmflow.store.BackfillStoreContract;
import io.crmflow.store.DefinitionStoreContract;
import io.crmflow.store.EffectLedgerContract;
import io.crmflow.store.EnrollmentStoreContract;
import io.crmflow.store.JourneyStoreContract;
import io.crmflow.store.OutboxContract;
import io.crmflow.store.OverlongIdsContract;
import io.crmflow.store.PeopleStoreContract;
import io.crmflow.store.RecordStoreContract;
import io.crmflow.store.Stores;
import io.crmflow.store.TransactionalWriterContract;
import org.junit.jupiter.api.Nested;

/** Runs every store contract against {@link InMemoryStore}. */
class InMemoryStoreTest {

    static Stores fresh() {
        InMemoryStore store = new InMemoryStore();
        return new Stores(store, store, store, store, store, store, store, store);
    }

    @Nested
    class Records extends RecordStoreContract {
        @Override
        protected Stores newStores() {
            return fresh();
        }
    }

    @Nested
    class Definitions extends DefinitionStoreContract {
        @Override
        protected Stores newStores() {
            return fresh();
        }
    }

    @Nested
    class Enrollments extends EnrollmentStoreContract {
        @Override
        protected Stores newStores() {
            return fresh();
        }
    }

    @Nested
    class Effects extends EffectLedgerContract {
        @Override
        protected Stores newStores() {
            return fresh();
        }
    }

    @Nested
    class Outboxes extends OutboxContract {
        @Override
        protected Stores newStores() {
            return fresh();
        }
    }

    @Nested
    class People extends PeopleStoreContract {
        @Override
        protected Stores newStores() {
            return fresh();
        }
    }

    @Nested
    class Transactions extends TransactionalWriterContract {
        @Override
        protected Stores newStores() {
            return fresh();
        }
    }

    @Nested
    class Journeys extends JourneyStoreContract {
        @Override
        protected Stores newStores() {
            return fresh();
        }
    }

    @Nested
    class Backfills extends BackfillStoreContract {
        @Override
        protected Stores newStores() {
            return fresh();
        }
    }

    @Nested
    class OverlongIds extends OverlongIdsContract {
        @Override
        protected Stores newStores() {
            return fresh();
        }
    }
}
