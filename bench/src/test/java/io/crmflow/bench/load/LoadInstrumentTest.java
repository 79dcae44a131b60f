package io.crmflow.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.bench.Figure;
import io.crmflow.bench.ResultsTable;
import io.crmflow.bench.Size;
import io.crmflow.engine.EnrollmentStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load instrument at its small size, for what it checks rather than what it times: under
 * redeliveries, failures after the work and a consumer process killed mid-batch, every
 * eligible contact is enrolled once and mailed once, nothing is left stuck, and every poison
 * message is parked with its reason.
 */
@DisplayName("R-RUN-3, R-RUN-5: under load and faults, effects stay exactly once and poison is parked with its reason")
class LoadInstrumentTest {
    @TempDir
    Path workDir;

    @Test
    void smallLoad_withFaultsAndAKill_keepsEveryEffectExactlyOnce() throws Exception {
        LoadResult r = new LoadInstrument(workDir, System.out).measure(LoadShape.of(Size.SMALL));
        System.out.println(ResultsTable.markdown(LoadInstrument.figures(r)));

        assertThat(r.killedMidBatch()).as("the consumer process was killed mid-batch: %s", r.kills()).isTrue();
        assertThat(r.redelivered()).as("messages were redelivered").isPositive();
        EnrollmentAudit e = r.enrollments();
        assertThat(e.enrollments()).as("enrollments").isPositive();
        assertThat(r.notEnrolled()).as("eligible contacts never enrolled").isZero();
        assertThat(e.enrolledTwice()).as("records enrolled twice").isZero();
        assertThat(e.stuck()).as("enrollments stuck: %s", e.statuses()).isZero();
        assertThat(e.count(EnrollmentStatus.COMPLETED)).as("every enrollment ran to its end: %s", e.unfinished())
                .isEqualTo(e.enrollments());
        assertThat(r.mail().sent()).as("one email per enrollment").isEqualTo(e.enrollments());
        assertThat(r.mail().twiceByStep()).isZero();
        assertThat(r.mail().twiceByRecipient()).isZero();
        assertThat(r.unmailed()).isZero();
        assertThat(r.deadLetters().missing()).as("poison not parked with a reason").isEmpty();
        assertThat(r.deadLetters().parkedWithReason()).hasSize(r.poisons());
        assertThat(r.deadLetters().others()).as("valid messages dead-lettered").isEmpty();
        assertThat(r.latencies()).as("a latency per enrollment").hasSize(e.enrollments());
        assertThat(LoadInstrument.figures(r)).filteredOn(f -> f.verdict() == Figure.Verdict.MISSED).isEmpty();
    }
}
