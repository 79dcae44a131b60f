package io.crmflow.engine;

import io.crmflow.journey.End;
import io.crmflow.journey.JourneyDefinition;
import io.crmflow.journey.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A journey's figures (R-JRN-13), read from the counters its steps keep as contacts move
 * ({@link JourneyCounters}), never by scanning enrollments: total enrollments; each end's count
 * and share of them; for each stage, the share of its enrollments that took each path out of it;
 * and performance — eligible against enrolled, successful and unsuccessful conversion. Shares are
 * percentages rounded to a tenth, null when there is nothing to divide by.
 *
 * @param eligible contacts on the eligibility lists now
 * @param active   enrollments not ended yet
 */
public record JourneyMetrics(String journeyId, long publishedVersion, long eligible, long enrolled, long active,
                             long unenrolled, List<EndFigures> ends, List<StageFigures> stages,
                             Performance performance) {

    public JourneyMetrics {
        ends = List.copyOf(ends);
        stages = List.copyOf(stages);
    }

    /** How many enrollments reached one end, and their share of all enrollments. */
    public record EndFigures(String endId, String name, String kind, long reached, Double percent) {
    }

    /** One stage: how many times contacts entered it, and where they went from there. */
    public record StageFigures(String stageId, String name, long entered, List<PathFigures> paths) {
        public StageFigures {
            paths = List.copyOf(paths);
        }
    }

    /**
     * One way out of a stage: {@code stage:{id}}, {@code end:{id}}, {@code left} (unenrolled while
     * in it), or {@code here} (still in it, or inactive after it was edited).
     */
    public record PathFigures(String to, long count, Double percent) {
    }

    /** Seed 003's performance reports: enrolled of eligible, and successful and unsuccessful conversions. */
    public record Performance(long eligible, long enrolled, Double enrolledPercentOfEligible, long successful,
                              Double successfulConversionPercent, long unsuccessful,
                              Double unsuccessfulConversionPercent) {
    }

    /**
     * @param counters the journey workflow's counters
     * @param eligible contacts on the eligibility lists now
     */
    static JourneyMetrics of(String journeyId, long publishedVersion, JourneyDefinition published,
                             Map<String, Long> counters, long eligible) {
        long enrolled = counters.getOrDefault(WorkflowCounters.ENROLLED, 0L);
        Map<String, Long> summary = WorkflowCounters.summary(counters);
        List<EndFigures> ends = new ArrayList<>();
        long successful = 0;
        long unsuccessful = 0;
        for (End end : published.ends()) {
            long reached = counters.getOrDefault(JourneyCounters.reached(end.id()), 0L);
            ends.add(new EndFigures(end.id(), end.name(), end.kind().name().toLowerCase(java.util.Locale.ROOT), reached,
                    percent(reached, enrolled)));
            if (end.isGoal()) {
                successful += reached;
            } else {
                unsuccessful += reached;
            }
        }
        List<StageFigures> stages = new ArrayList<>();
        for (Stage stage : published.stages()) {
            stages.add(stageFigures(stage, published, counters));
        }
        return new JourneyMetrics(journeyId, publishedVersion, eligible, enrolled, summary.getOrDefault("active", 0L),
                summary.getOrDefault("unenrolled", 0L), ends, stages, new Performance(eligible, enrolled,
                percent(enrolled, eligible), successful, percent(successful, enrolled), unsuccessful,
                percent(unsuccessful, enrolled)));
    }

    private static StageFigures stageFigures(Stage stage, JourneyDefinition published, Map<String, Long> counters) {
        long entered = counters.getOrDefault(JourneyCounters.entered(stage.id()), 0L);
        List<PathFigures> paths = new ArrayList<>();
        long out = 0;
        for (String to : targets(stage, published, counters)) {
            String counter = to.startsWith("stage:") ? JourneyCounters.toStage(stage.id(), to.substring(6))
                    : JourneyCounters.toEnd(stage.id(), to.substring(4));
            long n = counters.getOrDefault(counter, 0L);
            if (n > 0) {
                paths.add(new PathFigures(to, n, percent(n, entered)));
                out += n;
            }
        }
        long left = counters.getOrDefault(JourneyCounters.left(stage.id()), 0L);
        if (left > 0) {
            paths.add(new PathFigures("left", left, percent(left, entered)));
            out += left;
        }
        long here = Math.max(0, entered - out);
        if (here > 0) {
            paths.add(new PathFigures("here", here, percent(here, entered)));
        }
        return new StageFigures(stage.id(), stage.name(), entered, paths);
    }

    /**
     * Where contacts may have gone from {@code stage}: the published stages and ends in order, then
     * any a later publish deleted (R-JRN-11), by id — contacts who went there left the stage all
     * the same, and counting them as still in it would be wrong.
     */
    private static List<String> targets(Stage stage, JourneyDefinition published, Map<String, Long> counters) {
        List<String> targets = new ArrayList<>();
        published.stages().forEach(s -> targets.add("stage:" + s.id()));
        String toStage = JourneyCounters.toStage(stage.id(), "");
        counters.keySet().stream().filter(c -> c.startsWith(toStage)).sorted()
                .map(c -> "stage:" + c.substring(toStage.length())).filter(t -> !targets.contains(t))
                .forEach(targets::add);
        published.ends().forEach(e -> targets.add("end:" + e.id()));
        String toEnd = JourneyCounters.toEnd(stage.id(), "");
        counters.keySet().stream().filter(c -> c.startsWith(toEnd)).sorted()
                .map(c -> "end:" + c.substring(toEnd.length())).filter(t -> !targets.contains(t))
                .forEach(targets::add);
        return targets;
    }

    static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
