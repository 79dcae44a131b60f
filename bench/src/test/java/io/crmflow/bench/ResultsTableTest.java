package io.crmflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTableTest {

    @Test
    void eachFigureIsARow_withItsVerdict_andPipesInCellsEscaped() {
        String table = ResultsTable.markdown(List.of(
                Figure.against("matching", "10,000 / 10", "1.4×", "≤ 2×", true),
                Figure.against("cost", "DynamoDB requests per action", "3.1", "≤ 2", false),
                Figure.context("cost", "a | b", "7")));

        assertThat(table.lines()).containsExactly(
                "| instrument | measure | value | target | verdict |",
                "|---|---|---|---|---|",
                "| matching | 10,000 / 10 | 1.4× | ≤ 2× | met |",
                "| cost | DynamoDB requests per action | 3.1 | ≤ 2 | MISSED |",
                "| cost | a \\| b | 7 |  |  |");
    }

    @Test
    void aFigureWithATarget_needsAVerdictOnIt() {
        assertThatThrownBy(() -> new Figure("cost", "requests", "3", "", Figure.Verdict.MET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requests");
    }
}
