package io.crmflow.bench.cost;

import io.crmflow.local.Invocations;
import io.crmflow.local.RequestCounts;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Where an action's requests go: one line per function, service, operation and outcome, per
 * action, busiest first within each service; then each function's invocations. What to read
 * when the request count is to come down; the README keeps it as the profile.
 */
final class CostProfile {
    private CostProfile() {
    }

    static String markdown(CostReport r) {
        StringBuilder out = new StringBuilder("| service | operation | made by | per action | RRU per action"
                + " | WRU per action | note |\n|---|---|---|---|---|---|---|\n");
        List<RequestCounts.Tally> tallies = r.run().execution().requests().stream()
                .sorted(Comparator.comparing((RequestCounts.Tally t) -> Service.of(t))
                        .thenComparing(Comparator.comparingLong(RequestCounts.Tally::requests).reversed())
                        .thenComparing(t -> t.key().operation()))
                .toList();
        for (RequestCounts.Tally t : tallies) {
            out.append("| ").append(Service.of(t).label()).append(" | ").append(t.key().operation())
                    .append(" | ").append(caller(t.key().caller())).append(" | ")
                    .append(CostFigures.number(r.perAction(t.requests()))).append(" | ")
                    .append(CostFigures.number(r.perAction(t.readUnits()))).append(" | ")
                    .append(CostFigures.number(r.perAction(t.writeUnits()))).append(" | ")
                    .append(note(t)).append(" |\n");
        }
        out.append("\n| function | invocations per action | mean duration |\n|---|---|---|\n");
        r.run().execution().invocations().stream().sorted(Comparator.comparing(Invocations.Tally::function))
                .forEach(t -> out.append("| ").append(t.function()).append(" | ")
                        .append(CostFigures.number(r.perAction(t.invocations()))).append(" | ")
                        .append(String.format(Locale.ROOT, "%.1f ms", t.duration().toNanos() / 1e6 / t.invocations()))
                        .append(" |\n"));
        return out.toString();
    }

    private static String caller(String caller) {
        return caller.equals(RequestCounts.NO_FUNCTION) ? "Lambda's SQS pollers" : caller;
    }

    private static String note(RequestCounts.Tally t) {
        if (!Service.madeOnAws(t)) {
            return t.key().outcome() == RequestCounts.Outcome.EMPTY ? "found nothing: idle polling, not counted"
                    : "a stand-in's own lookup, not counted";
        }
        return t.key().outcome() == RequestCounts.Outcome.FAILED ? "failed" : "";
    }
}
