package io.crmflow.bench.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.bench.Figure;
import io.crmflow.bench.ResultsTable;
import io.crmflow.bench.Size;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cold-start instrument at its small size: each function's deployable jar, started in a
 * process of its own, handles a real event of the local stack (the instrument fails on a wrong
 * answer), and each gets its figures. What the figures are is the run's business, not the test's.
 */
class ColdStartInstrumentTest {

    @Test
    void everyFunctionStartsFromItsOwnJar_andHandlesItsFirstEvent() throws Exception {
        List<Figure> figures = new ColdStartInstrument().run(Size.SMALL);
        System.out.println(ResultsTable.markdown(figures));

        assertThat(figures).extracting(Figure::measure).contains(
                "TriggerFunction jar", "StepFunction jar", "TimerFunction jar", "ApiFunction jar",
                "minimal handler: JVM start to first event (median of 1)",
                "TriggerFunction: JVM start to first event (median of 1)",
                "StepFunction: JVM start to first event (median of 1)",
                "TimerFunction: JVM start to first event (median of 1)",
                "ApiFunction: JVM start to first event (median of 1)",
                "StepFunction: first event after priming (as after a SnapStart restore) / priming");
        assertThat(figures).filteredOn(f -> f.measure().startsWith("TriggerFunction: classes loaded"))
                .singleElement().satisfies(f -> assertThat(f.value()).contains("crmflow +", "AWS SDK "));
    }
}
