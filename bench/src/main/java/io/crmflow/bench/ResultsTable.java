package io.crmflow.bench;

import java.util.List;

/** The figures as one Markdown table, the form bench/README.md keeps them in. */
public final class ResultsTable {
    private ResultsTable() {
    }

    public static String markdown(List<Figure> figures) {
        StringBuilder out = new StringBuilder("| instrument | measure | value | target | verdict |\n")
                .append("|---|---|---|---|---|\n");
        for (Figure f : figures) {
            out.append("| ").append(cell(f.instrument())).append(" | ").append(cell(f.measure()))
                    .append(" | ").append(cell(f.value())).append(" | ").append(cell(f.target()))
                    .append(" | ").append(f.verdict().word()).append(" |\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
