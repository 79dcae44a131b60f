package io.crmflow.simulate;

import io.crmflow.engine.JourneyMetrics;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A report's counts as one flat table of named figures, in a stable order — what two reports
 * are compared on. Names: {@code counts/enrolled}, {@code goal/metGoal},
 * {@code action/{id}/reached}, {@code branch/{id}/{outcome}}, {@code sent/emails}, and for a
 * journey {@code journey/end/{id}}, {@code journey/stage/{id}/entered},
 * {@code journey/stage/{id}/to/{stage:…|end:…|left|here}}.
 */
final class ReportFigures {
    private ReportFigures() {
    }

    static Map<String, Long> of(SimulationReport report) {
        Map<String, Long> figures = new LinkedHashMap<>();
        report.counts().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(c -> figures.put("counts/" + c.getKey(), c.getValue()));
        if (report.goal() != null) {
            report.goal().forEach((name, value) -> {
                if (value instanceof Number n && !name.equals("conversionRate")) {
                    figures.put("goal/" + name, n.longValue());
                }
            });
        }
        report.actions().forEach(a -> figures.put("action/" + a.actionId() + "/reached", a.reached()));
        report.branches().forEach(b -> b.outcomes().forEach(o ->
                figures.put("branch/" + b.actionId() + "/" + o.outcome(), o.count())));
        figures.put("sent/emails", (long) report.emails().size());
        figures.put("sent/webhooks", (long) report.webhooks().size());
        figures.put("sent/texts", (long) report.texts().size());
        if (report.journey() != null) {
            journey(report.journey(), figures);
        }
        return figures;
    }

    private static void journey(JourneyMetrics metrics, Map<String, Long> figures) {
        metrics.ends().forEach(e -> figures.put("journey/end/" + e.endId(), e.reached()));
        for (JourneyMetrics.StageFigures stage : metrics.stages()) {
            figures.put("journey/stage/" + stage.stageId() + "/entered", stage.entered());
            stage.paths().forEach(p -> figures.put("journey/stage/" + stage.stageId() + "/to/" + p.to(), p.count()));
        }
    }
}
