package io.crmflow.simulate;

import io.crmflow.engine.JourneyMetrics;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The readable rendering of a report or a difference, for a terminal: the figures in full, and
 * of each list of records or messages the first {@code listed}, with how many more there are.
 */
public final class ReportText {
    private final StringBuilder out = new StringBuilder();
    private final int listed;

    private ReportText(int listed) {
        this.listed = listed;
    }

    public static String of(SimulationReport report, int listed) {
        ReportText text = new ReportText(listed);
        text.report(report);
        return text.out.toString();
    }

    public static String of(SimulationDiff diff, int listed) {
        ReportText text = new ReportText(listed);
        text.diff(diff);
        return text.out.toString();
    }

    private void report(SimulationReport r) {
        line(title(r.tested()) + " over " + r.events() + " events, from " + r.from() + " until " + r.until());
        heading("Counts");
        r.counts().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(c -> line(String.format("  %-32s %d", c.getKey(), c.getValue())));
        if (r.goal() != null) {
            heading("Goal");
            r.goal().forEach((name, value) -> line(String.format("  %-32s %s", name, value)));
        }
        heading("Actions (enrollments that reached each)");
        r.actions().forEach(a -> line(String.format("  %-24s %-24s %d", a.actionId(), a.type(), a.reached())));
        r.branches().forEach(b -> {
            line("  branch " + b.actionId() + ":");
            b.outcomes().forEach(o -> line(String.format("    %-30s %d", o.outcome(), o.count())));
        });
        if (r.journey() != null) {
            journey(r.journey());
        }
        list("Emails", r.emails(), e -> e.at() + "  " + e.record() + "  " + e.actionId() + "  \"" + e.subject()
                + "\" to " + String.join(", ", e.to()));
        list("Webhooks", r.webhooks(), w -> w.at() + "  " + w.record() + "  " + w.actionId() + "  POST " + w.url());
        list("Texts", r.texts(), t -> t.at() + "  " + t.record() + "  " + t.actionId() + "  " + t.channel() + " to "
                + t.to() + ": " + t.body());
        list("Enrolled", r.enrolled(), e -> e.record() + "  " + e.at() + "  " + e.status() + "  "
                + String.join(" → ", e.path()));
        if (r.journey() == null) {
            list("Goal met", r.goalMet(), g -> g.record() + "  " + g.at());
        }
        list("Unenrolled", r.unenrolled(), u -> u.record() + "  " + u.at() + "  " + u.why());
        list("Refused events", r.refused(), f -> "line " + f.line() + ": " + f.problem());
        list("Handler failures", r.failures(), f -> f.at() + "  " + f.what() + ": " + f.why());
        for (SimulationReport.Timeline timeline : r.timelines()) {
            heading("Timeline of " + timeline.record());
            timeline.lines().forEach(l -> line("  " + l.at() + "  " + l.kind() + "  "
                    + (l.actionId() == null ? "-" : l.actionId()) + "  " + (l.detail() == null ? "" : l.detail())));
        }
    }

    private void journey(JourneyMetrics m) {
        heading("Journey");
        line("  enrolled " + m.enrolled() + ", still in it " + m.active() + ", unenrolled " + m.unenrolled());
        m.ends().forEach(e -> line(String.format("  end %-24s %d%s", e.endId(), e.reached(), percent(e.percent()))));
        for (JourneyMetrics.StageFigures stage : m.stages()) {
            line(String.format("  stage %-22s entered %d", stage.stageId(), stage.entered()));
            stage.paths().forEach(p -> line(String.format("    → %-28s %d%s", p.to(), p.count(), percent(p.percent()))));
        }
    }

    private void diff(SimulationDiff d) {
        line("Before: " + title(d.before()));
        line("After:  " + title(d.after()));
        if (d.isEmpty()) {
            line("");
            line("No difference: both come to the same over these events.");
            return;
        }
        heading("Figures that changed");
        d.figures().forEach(f -> line(String.format("  %-48s %d → %d", f.figure(), f.before(), f.after())));
        list("Records whose way changed", d.paths(), p -> p.record() + "\n      before: " + way(p.before())
                + "\n      after:  " + way(p.after()));
        changes("Emails", d.emails(), e -> e.at() + "  " + e.record() + "  " + e.actionId() + "  \"" + e.subject() + "\"");
        changes("Webhooks", d.webhooks(), w -> w.at() + "  " + w.record() + "  " + w.actionId() + "  POST " + w.url());
        changes("Texts", d.texts(), t -> t.at() + "  " + t.record() + "  " + t.actionId() + "  " + t.channel());
    }

    private <T> void changes(String what, SimulationDiff.Changes<T> changes, Function<T, String> describe) {
        list(what + " only after", changes.added(), describe);
        list(what + " only before", changes.removed(), describe);
    }

    private static String way(List<String> enrollments) {
        return enrollments.isEmpty() ? "not enrolled" : String.join(" | ", enrollments);
    }

    private static String title(SimulationReport.Tested t) {
        return (t.kind().equals("journey") ? "Journey" : "Workflow") + " '" + t.name() + "' (" + t.id() + ")";
    }

    private static String percent(Double p) {
        return p == null ? "" : " (" + p + "%)";
    }

    private <T> void list(String heading, List<T> items, Function<T, String> describe) {
        heading(heading + " (" + items.size() + ")");
        items.stream().limit(listed).forEach(item -> line("  " + describe.apply(item)));
        if (items.size() > listed) {
            line("  … and " + (items.size() - listed) + " more");
        }
    }

    private void heading(String heading) {
        out.append('\n').append(heading).append('\n');
    }

    private void line(String line) {
        out.append(line).append('\n');
    }
}
