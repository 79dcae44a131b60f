package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.model.CrmEvent;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import io.crmflow.store.ClearingsOutbox;
import io.crmflow.store.memory.InMemoryStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OutboxCleanupTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final CrmEvent FIRST = created("e1");
    private static final CrmEvent SECOND = created("e2");
    private final ClearingsOutbox outbox = new ClearingsOutbox(new InMemoryStore());

    @Test
    void outsideABatch_theEntriesAreClearedAtOnce() {
        OutboxCleanup.afterPublished(outbox, List.of(FIRST));

        assertThat(outbox.clearings()).containsExactly(List.of("e1"));
    }

    @Test
    void inABatch_theEntriesAreClearedTogetherOnceItIsDone_eachEventOnce() {
        String result = OutboxCleanup.deferredWhile(() -> {
            OutboxCleanup.afterPublished(outbox, List.of(FIRST));
            OutboxCleanup.afterPublished(outbox, List.of(SECOND, FIRST));
            assertThat(outbox.clearings()).as("nothing cleared while the batch runs").isEmpty();
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(outbox.clearings()).containsExactly(List.of("e1", "e2"));
    }

    @Test
    void aBatchThatThrows_stillClearsWhatItPublished() {
        assertThatThrownBy(() -> OutboxCleanup.deferredWhile(() -> {
            OutboxCleanup.afterPublished(outbox, List.of(FIRST));
            throw new IllegalStateException("the batch failed");
        })).hasMessage("the batch failed");

        assertThat(outbox.clearings()).containsExactly(List.of("e1"));
    }

    @Test
    void aBatchInsideABatch_leavesTheClearingToTheOuterOne() {
        OutboxCleanup.deferredWhile(() -> {
            OutboxCleanup.deferredWhile(() -> {
                OutboxCleanup.afterPublished(outbox, List.of(FIRST));
                return null;
            });
            assertThat(outbox.clearings()).isEmpty();
            OutboxCleanup.afterPublished(outbox, List.of(SECOND));
            return null;
        });

        assertThat(outbox.clearings()).containsExactly(List.of("e1", "e2"));
    }

    @Test
    void aClearingThatFails_isNotTheBatchsFailure_andTheNextBatchDefersAgain() {
        outbox.failing(true);
        String result = OutboxCleanup.deferredWhile(() -> {
            OutboxCleanup.afterPublished(outbox, List.of(FIRST));
            return "done";
        });
        assertThat(result).isEqualTo("done");

        outbox.failing(false);
        OutboxCleanup.deferredWhile(() -> {
            OutboxCleanup.afterPublished(outbox, List.of(SECOND));
            assertThat(outbox.clearings()).hasSize(1);
            return null;
        });
        assertThat(outbox.clearings()).containsExactly(List.of("e1"), List.of("e2"));
    }

    @Test
    void aBatchThatPublishesMany_clearsEveryTwentyFiveAtOnce_andTheRestAtItsEnd() {
        OutboxCleanup.deferredWhile(() -> {
            for (int i = 1; i <= 30; i++) {
                OutboxCleanup.afterPublished(outbox, List.of(created("e" + i)));
            }
            assertThat(outbox.clearings()).as("the first 25, as soon as they are 25").singleElement()
                    .satisfies(ids -> assertThat(ids).hasSize(OutboxCleanup.CLEAR_AT).startsWith("e1").endsWith("e25"));
            return null;
        });

        assertThat(outbox.clearings()).hasSize(2);
        assertThat(outbox.clearings().get(1)).containsExactly("e26", "e27", "e28", "e29", "e30");
    }

    @Test
    void aCommitThatTakesTheBatchPastTwentyFive_clearsExactlyTwentyFive_andKeepsTheRest() {
        OutboxCleanup.deferredWhile(() -> {
            for (int i = 1; i <= 24; i++) {
                OutboxCleanup.afterPublished(outbox, List.of(created("e" + i)));
            }
            OutboxCleanup.afterPublished(outbox, List.of(created("e25"), created("e26"), created("e27")));
            return null;
        });

        assertThat(outbox.clearings()).hasSize(2);
        assertThat(outbox.clearings().get(0)).hasSize(OutboxCleanup.CLEAR_AT).endsWith("e25");
        assertThat(outbox.clearings().get(1)).containsExactly("e26", "e27");
    }

    @Test
    @DisplayName("R-RUN-5 delivery at least once: an event the bus refused keeps its outbox entry, even in a batch")
    void anEventTheBusRefused_keepsItsEntry_evenInABatch() {
        EventPublisher refused = new EventPublisher(events -> {
            throw new IllegalStateException("the bus is down");
        }, outbox);
        EventPublisher accepted = new EventPublisher(events -> { }, outbox);

        OutboxCleanup.deferredWhile(() -> {
            refused.publishCommitted(List.of(FIRST));
            accepted.publishCommitted(List.of(SECOND));
            return null;
        });

        assertThat(outbox.clearings()).as("only the published event's entry is cleared").containsExactly(List.of("e2"));
    }

    private static CrmEvent created(String id) {
        return new CrmEvent.RecordCreated(id, "t1", new RecordRef("contact", "c-" + id), NOW, Origin.api());
    }
}
