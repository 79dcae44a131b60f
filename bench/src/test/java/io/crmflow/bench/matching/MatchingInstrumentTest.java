package io.crmflow.bench.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.bench.Figure;
import io.crmflow.bench.Size;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchingInstrumentTest {

    @Test
    void theIndexEnrollsTheContactWhereEveryWorkflowWould_evaluatingAHandful() {
        for (int workflows : List.of(10, 1000)) {
            MatchingFacts facts = MatchingFacts.of(workflows);

            assertThat(facts.enrolledByEveryWorkflow()).as("at %d", workflows).isNotEmpty();
            assertThat(facts.enrolledThroughIndex()).as("at %d", workflows).isEqualTo(facts.enrolledByEveryWorkflow());
            assertThat(facts.evaluatedAlways()).isZero();
        }
        assertThat(MatchingFacts.of(1000).candidates()).isBetween(1, 30);
    }

    @Test
    void aSmallRun_givesEveryFigure_withAVerdictOnBothTargets() throws Exception {
        List<Figure> figures = new MatchingInstrument().run(Size.SMALL);

        assertThat(figures).allSatisfy(f -> assertThat(f.instrument()).isEqualTo(MatchingInstrument.NAME));
        assertThat(figures).filteredOn(f -> f.verdict() != Figure.Verdict.CONTEXT).extracting(Figure::target)
                .containsExactly("≤ 2×", "≥ 100×");
        assertThat(figures).extracting(Figure::measure).contains(
                "through the index: per event, 10 workflows", "through the index: per event, 1,000 workflows",
                "every workflow's trigger (no index): per event, 1,000 workflows",
                "through the index: cost at 1,000 workflows / cost at 10",
                "every workflow's trigger / through the index, at 1,000 workflows");
        assertThat(figures).extracting(Figure::value).allSatisfy(v -> assertThat(v).isNotBlank());
    }
}
