package io.crmflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.journey.EligibilityKey;
import io.crmflow.journey.Journey;
import io.crmflow.journey.JourneyChange;
import io.crmflow.journey.JourneyDefinition;
import io.crmflow.journey.JourneyDiff;
import io.crmflow.journey.JourneyExamples;
import io.crmflow.journey.JourneyVersion;
import io.crmflow.journey.Publication;
import io.crmflow.journey.StageVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link JourneyStore} and the journey writes: journeys, versions, stage histories and the rules' guards. */
public abstract class JourneyStoreContract extends StoreContract {
    private static final JourneyDefinition NURTURE = JourneyExamples.nurture();

    private static Journey journey(String id, long version, long published) {
        return new Journey(T, id, "ana", version, published, NURTURE.name(), NURTURE.property(),
                NURTURE.eligibilityLists(), null, List.of(EligibilityKey.of(NURTURE)), NOW, NOW.plusSeconds(version));
    }

    private static JourneyVersion version(long n, JourneyDefinition before, JourneyDefinition after) {
        return new JourneyVersion(n, n == 1 ? JourneyVersion.Kind.CREATED : JourneyVersion.Kind.SAVED,
                NOW.plusSeconds(n), "ana", null, null, JourneyDiff.between(before, after));
    }

    private static Write.PutJourney create(String id) {
        return new Write.PutJourney(journey(id, 1, 0), 0, version(1, null, NURTURE), NURTURE);
    }

    @Test
    void putJourney_createsOnce_andSavesOnlyFromTheVersionRead_keepingEveryVersion() {
        commit(create("j1"));
        JourneyDefinition renamed = JourneyExamples.renamed(NURTURE, "Renamed");
        Write.PutJourney second = new Write.PutJourney(journey("j1", 2, 0), 1, version(2, NURTURE, renamed), renamed);
        commit(second);

        assertThat(conflict(create("j1")).writeIndex()).as("created once").isZero();
        assertThat(conflict(new Write.PutJourney(journey("j1", 3, 0), 1, version(3, renamed, NURTURE), NURTURE))
                .writeIndex()).as("saved from a version read before the last save").isZero();
        assertThat(stores.journeys().journey(T, "j1")).contains(journey("j1", 2, 0));
        assertThat(stores.journeys().journeyDefinition(T, "j1", 1)).contains(NURTURE);
        assertThat(stores.journeys().journeyDefinition(T, "j1", 2)).contains(renamed);
        assertThat(stores.journeys().journeyVersion(T, "j1", 2)).contains(second.version());
        assertThat(stores.journeys().journeyVersion(T, "j1", 3)).isEmpty();
        assertThat(stores.journeys().journey(OTHER_TENANT, "j1")).isEmpty();
    }

    @Test
    void journeyVersions_areListedNewestFirst_inPages() {
        commit(create("j1"));
        JourneyDefinition before = NURTURE;
        for (long n = 2; n <= 5; n++) {
            JourneyDefinition after = JourneyExamples.renamed(NURTURE, "Name " + n);
            var publication = n == 5 ? new Publication(5, true, false, "ana", NOW) : null;
            var v = new JourneyVersion(n, n == 5 ? JourneyVersion.Kind.PUBLISHED : JourneyVersion.Kind.SAVED,
                    NOW.plusSeconds(n), null, null, publication, JourneyDiff.between(before, after));
            commit(new Write.PutJourney(journey("j1", n, n == 5 ? 5 : 0), n - 1, v, after));
            before = after;
        }
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<JourneyVersion> page = stores.journeys().journeyVersions(T, "j1", cursor, 2);
            page.items().forEach(v -> seen.add(v.number()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(seen).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(stores.journeys().journeyVersions(T, "j1", null, 1).items().get(0).publication().enrollExisting())
                .isTrue();
        assertThat(stores.journeys().journeyVersions(T, "other", null, 10).items()).isEmpty();
    }

    @Test
    @DisplayName("R-JRN-12 a stage's history holds the versions that changed that stage, newest first")
    void stageVersions_holdTheVersionsThatChangedTheStage_only() {
        commit(create("j1"));
        JourneyDefinition renamedJourney = JourneyExamples.renamed(NURTURE, "Renamed");
        commit(new Write.PutJourney(journey("j1", 2, 0), 1, version(2, NURTURE, renamedJourney), renamedJourney));
        var stages = new ArrayList<>(renamedJourney.stages());
        var lead = stages.get(1);
        stages.set(1, new io.crmflow.journey.Stage(lead.id(), "Warm lead", lead.value(), lead.actions()));
        JourneyDefinition renamedStage = JourneyExamples.withStages(renamedJourney, stages);
        commit(new Write.PutJourney(journey("j1", 3, 0), 2, version(3, renamedJourney, renamedStage), renamedStage));

        List<StageVersion> lead1 = stores.journeys().stageVersions(T, "j1", "lead", null, 10).items();
        assertThat(lead1).extracting(StageVersion::number).containsExactly(3L, 1L);
        assertThat(lead1.get(0).changes()).extracting(JourneyChange::kind)
                .containsExactly(JourneyChange.Kind.STAGE_RENAMED);
        assertThat(stores.journeys().stageVersions(T, "j1", "subscribed", null, 10).items())
                .extracting(StageVersion::number).containsExactly(1L);
        assertThat(stores.journeys().stageVersions(T, "j1", "lea", null, 10).items()).as("no prefix match").isEmpty();
        assertThat(stores.journeys().stageVersions(T, "j1", "lead", null, 1).nextCursor()).isNotNull();
    }

    @Test
    void journeys_areListedInIdOrder_perTenant() {
        commit(create("b"));
        commit(create("a"));
        commit(create("c"));

        Page<Journey> first = stores.journeys().journeys(T, null, 2);
        assertThat(first.items()).extracting(Journey::id).containsExactly("a", "b");
        assertThat(stores.journeys().journeys(T, first.nextCursor(), 2).items()).extracting(Journey::id)
                .containsExactly("c");
        assertThat(stores.journeys().journeys(OTHER_TENANT, null, 2).items()).isEmpty();
        assertThatThrownBy(() -> stores.journeys().journeys(OTHER_TENANT, first.nextCursor(), 2))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    @DisplayName("R-JRN-3 an eligibility key is held by one journey at a time; holding it again is a no-op")
    void claimEligibility_isHeldByOneJourney_untilReleasedByIt() {
        commit(new Write.ClaimEligibility(T, "k1", "j1"));
        commit(new Write.ClaimEligibility(T, "k1", "j1"));

        assertThat(conflict(new Write.ClaimEligibility(T, "k1", "j2")).writeIndex()).isZero();
        assertThat(conflict(new Write.ReleaseEligibility(T, "k1", "j2")).writeIndex()).as("not its own").isZero();
        assertThat(stores.journeys().eligibilityHolder(T, "k1")).contains("j1");
        assertThat(stores.journeys().eligibilityHolder(OTHER_TENANT, "k1")).isEmpty();

        commit(new Write.ReleaseEligibility(T, "k1", "j1"), new Write.ClaimEligibility(T, "k2", "j1"));
        commit(new Write.ClaimEligibility(T, "k1", "j2"));
        assertThat(stores.journeys().eligibilityHolder(T, "k1")).contains("j2");
        assertThat(stores.journeys().eligibilityHolder(T, "k2")).contains("j1");
    }

    @Test
    @DisplayName("R-JRN-9 a user's journeys are counted up to the limit and no further")
    void countOwnedJourney_countsUpToTheLimit() {
        for (int i = 0; i < 3; i++) {
            commit(new Write.CountOwnedJourney(T, "ana", 3));
        }
        assertThat(conflict(new Write.CountOwnedJourney(T, "ana", 3)).writeIndex()).isZero();
        assertThat(stores.journeys().journeysOwned(T, "ana")).isEqualTo(3);
        assertThat(stores.journeys().journeysOwned(T, "bob")).isZero();
        assertThat(stores.journeys().journeysOwned(OTHER_TENANT, "ana")).isZero();
    }

    @Test
    @DisplayName("R-JRN-9 racing creations never count a user past the limit")
    void countOwnedJourney_racing_neverPassesTheLimit() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(atomicUnderConcurrency());
        AtomicInteger counted = new AtomicInteger();
        Racing.race(8, () -> {
            try {
                commit(new Write.CountOwnedJourney(T, "ana", 5));
                counted.incrementAndGet();
            } catch (ConflictException | WriteContentionException lost) {
                // lost the race: nothing counted
            }
            return null;
        });
        assertThat(counted.get()).isLessThanOrEqualTo(5);
        assertThat(stores.journeys().journeysOwned(T, "ana")).isEqualTo(counted.get());
    }

    @Test
    void aFailedClaim_writesNothingOfTheCommit() {
        commit(new Write.ClaimEligibility(T, EligibilityKey.of(NURTURE), "other"));
        Write.PutJourney put = create("j1");

        ConflictException e = conflict(put, new Write.ClaimEligibility(T, EligibilityKey.of(NURTURE), "j1"),
                new Write.CountOwnedJourney(T, "ana", 10));

        assertThat(e.writeIndex()).isEqualTo(1);
        assertThat(stores.journeys().journey(T, "j1")).isEmpty();
        assertThat(stores.journeys().journeyVersion(T, "j1", 1)).isEmpty();
        assertThat(stores.journeys().journeysOwned(T, "ana")).isZero();
    }

    @Test
    @DisplayName("a cursor from one listing of a journey's partition is refused by another, never read elsewhere")
    void cursors_fromAnotherListingOfTheSamePartition_areRefused() {
        commit(create("j1"));
        var stages = new ArrayList<>(NURTURE.stages());
        var lead = stages.get(1);
        stages.set(1, new io.crmflow.journey.Stage(lead.id(), "Warm lead", lead.value(), lead.actions()));
        JourneyDefinition renamedStage = JourneyExamples.withStages(NURTURE, stages);
        commit(new Write.PutJourney(journey("j1", 2, 0), 1, version(2, NURTURE, renamedStage), renamedStage));
        String versions = stores.journeys().journeyVersions(T, "j1", null, 1).nextCursor();
        String leadVersions = stores.journeys().stageVersions(T, "j1", "lead", null, 1).nextCursor();

        assertThatThrownBy(() -> stores.journeys().stageVersions(T, "j1", "lead", versions, 10))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> stores.journeys().stageVersions(T, "j1", "subscribed", leadVersions, 10))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> stores.journeys().journeyVersions(T, "j1", leadVersions, 10))
                .isInstanceOf(InvalidCursorException.class);
    }
}
