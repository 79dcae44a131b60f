package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.journey.JourneyChange;
import io.crmflow.journey.JourneyDefinition;
import io.crmflow.journey.JourneyExamples;
import io.crmflow.journey.JourneyVersion;
import io.crmflow.journey.JourneyView;
import io.crmflow.journey.StageVersion;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.User;
import io.crmflow.store.Write;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Journeys' drafts, publishing and versions, and the rules that span journeys, on the in-memory store. */
class JourneyServiceTest {
    private static final String T = "t1";
    /** Where these calls say the owner was named: a refused owner is reported there. */
    private static final String OWNER = "/owner";
    private static final JourneyDefinition NURTURE = JourneyExamples.nurture();
    private final EngineHarness h = new EngineHarness().withTenant(T);
    private final JourneyService journeys = h.engine.journeys();

    JourneyServiceTest() {
        JourneyExamples.lists().forEach(list -> h.engine.definitions().putList(T, list));
        h.store.commit(List.of(new Write.PutUser(T, new User("ana", "ana@example.com", "Ana")),
                new Write.PutUser(T, new User("bob", "bob@example.com", "Bob"))));
    }

    private static InvalidInputException refused(Runnable call) {
        var thrown = new InvalidInputException[1];
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class, e -> thrown[0] = e);
        return thrown[0];
    }

    @Test
    void create_makesADraftOwnedByAKnownUser_atVersionOne() {
        JourneyView created = journeys.create(T, "ana", OWNER, "j1", NURTURE);

        assertThat(created.journey().owner()).isEqualTo("ana");
        assertThat(created.journey().version()).isEqualTo(1);
        assertThat(created.journey().isPublished()).isFalse();
        assertThat(created.published()).isNull();
        assertThat(created.unpublishedChanges()).isTrue();
        assertThat(journeys.view(T, "j1")).isEqualTo(created);
        assertThat(refused(() -> journeys.create(T, "zoe", OWNER, "j2", NURTURE)).problems().get(0).pointer())
                .isEqualTo(OWNER);
        assertThatThrownBy(() -> journeys.create(T, "ana", OWNER, "j1", NURTURE)).isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    @DisplayName("R-JRN-10 a saved draft changes nothing published until it is published; publishing records its answers")
    void R_JRN_10_draftChangesNothingUntilPublished() {
        journeys.create(T, "ana", OWNER, "j1", NURTURE);
        JourneyView published = journeys.publish(T, "j1", true, false, 1L, "ana");
        assertThat(published.journey().publishedVersion()).isEqualTo(2);
        assertThat(published.journey().lastPublication().enrollExisting()).isTrue();
        assertThat(published.journey().lastPublication().createStageReports()).isFalse();

        JourneyDefinition renamed = JourneyExamples.renamed(NURTURE, "Nurture, reworded");
        h.advance(Duration.ofHours(1));
        JourneyView edited = journeys.saveDraft(T, "j1", renamed, 2, "bob");

        assertThat(edited.draft()).isEqualTo(renamed);
        assertThat(edited.published()).isEqualTo(NURTURE);
        assertThat(edited.unpublishedChanges()).isTrue();
        assertThat(edited.journey().publishedVersion()).isEqualTo(2);
        assertThat(journeys.view(T, "j1").published()).isEqualTo(NURTURE);

        JourneyView republished = journeys.publish(T, "j1", false, true, null, "ana");
        assertThat(republished.published()).isEqualTo(renamed);
        assertThat(republished.unpublishedChanges()).isFalse();
        assertThat(journeys.version(T, "j1", 4).version().publication().createStageReports()).isTrue();
    }

    @Test
    void aSaveFromAnOlderVersion_isRefused_andWritesNothing() {
        journeys.create(T, "ana", OWNER, "j1", NURTURE);
        journeys.saveDraft(T, "j1", JourneyExamples.renamed(NURTURE, "By Ana"), 1, "ana");

        assertThatThrownBy(() -> journeys.saveDraft(T, "j1", JourneyExamples.renamed(NURTURE, "By Bob"), 1, "bob"))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThatThrownBy(() -> journeys.publish(T, "j1", false, false, 1L, "bob"))
                .as("publishing what was not reviewed").isInstanceOf(ConcurrentChangeException.class);
        assertThat(journeys.view(T, "j1").draft().name()).isEqualTo("By Ana");
        assertThat(journeys.versions(T, "j1", null, 10).items()).hasSize(2);
    }

    @Test
    @DisplayName("R-JRN-12 versions listed newest first with what changed; one viewed; one restored as the draft only")
    void R_JRN_12_versionsListedViewedRestored() {
        journeys.create(T, "ana", OWNER, "j1", NURTURE);
        journeys.publish(T, "j1", false, false, null, "ana");
        var stages = new ArrayList<>(NURTURE.stages());
        stages.remove(1);
        JourneyDefinition shorter = JourneyExamples.withStages(NURTURE, stages);
        journeys.saveDraft(T, "j1", shorter, 2, "bob");

        List<JourneyVersion> history = journeys.versions(T, "j1", null, 10).items();
        assertThat(history).extracting(JourneyVersion::number).containsExactly(3L, 2L, 1L);
        assertThat(history).extracting(JourneyVersion::kind).containsExactly(JourneyVersion.Kind.SAVED,
                JourneyVersion.Kind.PUBLISHED, JourneyVersion.Kind.CREATED);
        assertThat(history.get(0).changes()).extracting(JourneyChange::kind)
                .containsExactly(JourneyChange.Kind.STAGE_REMOVED);
        assertThat(journeys.version(T, "j1", 1).definition()).isEqualTo(NURTURE);

        JourneyView restored = journeys.restore(T, "j1", 1, "ana");
        assertThat(restored.draft()).isEqualTo(NURTURE);
        assertThat(restored.journey().version()).isEqualTo(4);
        assertThat(restored.journey().publishedVersion()).as("nothing live changes").isEqualTo(2);
        JourneyVersion restore = journeys.versions(T, "j1", null, 1).items().get(0);
        assertThat(restore.kind()).isEqualTo(JourneyVersion.Kind.RESTORED);
        assertThat(restore.restoredFrom()).isEqualTo(1);
        assertThat(restore.changes()).extracting(JourneyChange::kind).containsExactly(JourneyChange.Kind.STAGE_ADDED);

        assertThat(journeys.stageVersions(T, "j1", "lead", null, 10).items()).extracting(StageVersion::number)
                .containsExactly(4L, 3L, 1L);
        assertThat(journeys.stageVersions(T, "j1", "subscribed", null, 10).items()).extracting(StageVersion::number)
                .containsExactly(1L);
    }

    @Test
    @DisplayName("R-JRN-3 two journeys may not share both their lists and their property, also while one is live")
    void R_JRN_3_listsAndPropertyAreUniqueAcrossJourneys() {
        journeys.create(T, "ana", OWNER, "j1", NURTURE);
        journeys.publish(T, "j1", false, false, null, "ana");
        var e = refused(() -> journeys.create(T, "bob", OWNER, "j2", NURTURE));
        assertThat(e.problems().get(0).pointer()).isEqualTo("/eligibilityLists");
        assertThat(e.problems().get(0).message()).contains("journey 'j1'");

        journeys.saveDraft(T, "j1", JourneyExamples.withLists(NURTURE, List.of("webinar")), 2, "ana");
        assertThat(refused(() -> journeys.create(T, "bob", OWNER, "j2", NURTURE)).getMessage())
                .as("the published version still uses them").contains("journey 'j1'");
        journeys.publish(T, "j1", false, false, null, "ana");

        journeys.create(T, "bob", OWNER, "j2", JourneyExamples.withLists(NURTURE, List.of("newsletter")));
        assertThat(refused(() -> journeys.create(T, "bob", OWNER, "j3",
                JourneyExamples.withLists(NURTURE, List.of("webinar")))).getMessage()).contains("journey 'j1'");
        journeys.create(T, "bob", OWNER, "j3", JourneyExamples.withLists(NURTURE, List.of("webinar", "newsletter")));
    }

    @Test
    @DisplayName("R-JRN-3 of journeys created at once with the same lists and property, one is kept")
    void R_JRN_3_racingCreations_keepOne() throws Exception {
        List<Boolean> made = race(6, i -> journeys.create(T, "ana", OWNER, "race" + i, NURTURE));
        assertThat(made).filteredOn(ok -> ok).hasSize(1);
        assertThat(h.store.journeys(T, null, 10).items()).hasSize(1);
    }

    @Test
    @DisplayName("R-JRN-9 a user owns at most ten journeys, also when they are created at once")
    void R_JRN_9_atMostTenJourneysPerUser() throws Exception {
        List<JourneyDefinition> own = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            own.add(distinct(i));
        }
        List<Boolean> made = race(12, i -> journeys.create(T, "ana", OWNER, "j" + i, own.get(i)));
        assertThat(made).filteredOn(ok -> ok).hasSize(10);
        assertThat(h.store.journeysOwned(T, "ana")).isEqualTo(10);
        var e = refused(() -> journeys.create(T, "ana", OWNER, "eleventh", distinct(99)));
        assertThat(e.problems().get(0).pointer()).isEqualTo(OWNER);
        journeys.create(T, "bob", OWNER, "bobs", distinct(98));
    }

    /** A journey no other shares lists and property with: its own name makes its own list set here. */
    private JourneyDefinition distinct(int i) {
        String list = "list" + i;
        h.engine.definitions().putList(T, new io.crmflow.definition.CrmList(list, list, "contact",
                io.crmflow.model.ListKind.STATIC, null));
        return JourneyExamples.withLists(NURTURE, List.of(list));
    }

    interface Attempt {
        void run(int i);
    }

    /** Runs {@code n} attempts at once; true for each that succeeded, false for each refused by a rule. */
    private static List<Boolean> race(int n, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<Boolean> call = () -> {
                    go.await();
                    try {
                        attempt.run(index);
                        return true;
                    } catch (InvalidInputException refused) {
                        return false;
                    }
                };
                futures.add(pool.submit(call));
            }
            go.countDown();
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
