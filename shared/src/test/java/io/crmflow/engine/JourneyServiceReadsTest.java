package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.journey.Journey;
import io.crmflow.journey.JourneyDefinition;
import io.crmflow.journey.JourneyExamples;
import io.crmflow.journey.JourneyVersion;
import io.crmflow.journey.StageVersion;
import io.crmflow.model.User;
import io.crmflow.store.JourneyStore;
import io.crmflow.store.Page;
import io.crmflow.store.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each request reads each of a journey's items once: the draft is the published version right
 * after a publish, and a request that holds a definition does not read it again.
 */
class JourneyServiceReadsTest {
    private static final String T = "t1";
    /** Where these calls say the owner was named: a refused owner is reported there. */
    private static final String OWNER = "/owner";
    private static final JourneyDefinition NURTURE = JourneyExamples.nurture();
    private final EngineHarness h = new EngineHarness().withTenant(T);
    private final List<String> reads = new ArrayList<>();
    private final JourneyService journeys;

    JourneyServiceReadsTest() {
        JourneyExamples.lists().forEach(list -> h.engine.definitions().putList(T, list));
        h.store.commit(List.of(new Write.PutUser(T, new User("ana", "ana@example.com", "Ana"))));
        Ports p = h.engine.ports();
        journeys = new JourneyService(new Ports(p.records(), p.definitions(), p.enrollments(), p.effects(),
                p.outbox(), p.writer(), p.bus(), p.steps(), p.mailer(), p.ids(), p.webhooks(), p.backfills(),
                p.people(), new CountingReads(h.store), p.texts(), p.secrets(), p.idempotency()), h.engine.clock(),
                h.engine.backfills());
    }

    @BeforeEach
    void publishedOnce() {
        journeys.create(T, "ana", OWNER, "j1", NURTURE);
        journeys.publish(T, "j1", false, false, null, "ana");
        reads.clear();
    }

    @Test
    void view_ofAJustPublishedJourney_readsItsDefinitionOnce() {
        journeys.view(T, "j1");

        assertThat(reads).containsExactly("journey", "definition 2");
    }

    @Test
    void saveDraft_unchanged_readsWhatItNeedsOnce() {
        journeys.saveDraft(T, "j1", NURTURE, 2, "ana");

        assertThat(reads).containsExactly("journey", "definition 2");
    }

    @Test
    void saveDraft_changed_readsThePublishedDefinitionOnce() {
        journeys.saveDraft(T, "j1", JourneyExamples.renamed(NURTURE, "Nurture, reworded"), 2, "ana");

        assertThat(reads).filteredOn(r -> r.startsWith("definition")).containsExactly("definition 2");
    }

    @Test
    void restore_ofTheCurrentVersion_readsNoOtherVersion() {
        journeys.restore(T, "j1", 2, "ana");

        assertThat(reads).containsExactly("journey", "definition 2");
    }

    @Test
    void restore_ofAnEarlierVersion_readsEachVersionOnce() {
        journeys.restore(T, "j1", 1, "ana");

        assertThat(reads).filteredOn(r -> r.startsWith("definition"))
                .containsExactlyInAnyOrder("definition 1", "definition 2");
    }

    /** The journey store, noting each journey and definition read. */
    private final class CountingReads implements JourneyStore {
        private final JourneyStore store;

        CountingReads(JourneyStore store) {
            this.store = store;
        }

        @Override
        public Optional<Journey> journey(String tenantId, String journeyId) {
            reads.add("journey");
            return store.journey(tenantId, journeyId);
        }

        @Override
        public Optional<JourneyDefinition> journeyDefinition(String tenantId, String journeyId, long version) {
            reads.add("definition " + version);
            return store.journeyDefinition(tenantId, journeyId, version);
        }

        @Override
        public Page<Journey> journeys(String tenantId, String cursor, int limit) {
            return store.journeys(tenantId, cursor, limit);
        }

        @Override
        public Optional<JourneyVersion> journeyVersion(String tenantId, String journeyId, long version) {
            return store.journeyVersion(tenantId, journeyId, version);
        }

        @Override
        public Page<JourneyVersion> journeyVersions(String tenantId, String journeyId, String cursor, int limit) {
            return store.journeyVersions(tenantId, journeyId, cursor, limit);
        }

        @Override
        public Page<StageVersion> stageVersions(String tenantId, String journeyId, String stageId, String cursor,
                                                int limit) {
            return store.stageVersions(tenantId, journeyId, stageId, cursor, limit);
        }

        @Override
        public Optional<String> eligibilityHolder(String tenantId, String key) {
            return store.eligibilityHolder(tenantId, key);
        }

        @Override
        public long journeysOwned(String tenantId, String userId) {
            return store.journeysOwned(tenantId, userId);
        }
    }
}
