package io.crmflow.simulate;

import io.crmflow.definition.Action;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.BranchLines;
import io.crmflow.engine.EnrollmentStatus;
import io.crmflow.engine.HistoryEntry;
import io.crmflow.engine.JourneyMetrics;
import io.crmflow.engine.JourneyWorkflows;
import io.crmflow.engine.WorkflowCounters;
import io.crmflow.json.Json;
import io.crmflow.model.RecordRef;
import io.crmflow.simulate.SimulationReport.ActionFigures;
import io.crmflow.simulate.SimulationReport.BranchFigures;
import io.crmflow.simulate.SimulationReport.Enrolled;
import io.crmflow.simulate.SimulationReport.GoalMet;
import io.crmflow.simulate.SimulationReport.Line;
import io.crmflow.simulate.SimulationReport.Outcome;
import io.crmflow.simulate.SimulationReport.Timeline;
import io.crmflow.simulate.SimulationReport.Unenrolled;
import io.crmflow.store.WorkflowMark;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a run's report from what the world holds once it is over: the subject's counters (read
 * as the API reads them), each enrollment's history, the records' goal marks, and what the
 * recorder kept instead of sending. Reading after the run, rather than watching it, keeps the
 * run itself the engine's own path and nothing more.
 */
final class ReportBuilder {
    /** Where the run went: its span, how many events it applied, and those the API would have refused. */
    record Run(Instant from, Instant until, long events, List<SimulationReport.Refusal> refused) {
    }

    private final SimulatedWorld world;
    private final Subject subject;
    private final WorkflowDefinition workflow;
    private final List<EnrollmentLog> logs;

    private ReportBuilder(SimulatedWorld world, Subject subject) {
        this.world = world;
        this.subject = subject;
        String workflowId = workflowId(subject);
        this.workflow = world.store.workflow(SimulatedWorld.TENANT, workflowId).orElseThrow();
        this.logs = EnrollmentLog.of(world.store, SimulatedWorld.TENANT, workflowId);
    }

    static SimulationReport build(SimulatedWorld world, Subject subject, Simulator.Options options, Run run) {
        return new ReportBuilder(world, subject).report(options, run);
    }

    static String workflowId(Subject subject) {
        return subject instanceof Subject.Journey j ? JourneyWorkflows.idFor(j.id()) : subject.id();
    }

    private SimulationReport report(Simulator.Options options, Run run) {
        Map<String, Long> counters = world.store.counters(SimulatedWorld.TENANT, workflow.id());
        var sent = new SentByRecords(world.outgoing, logs, this::reportedAction);
        // A journey's goal is its goal ends, which its figures count; its workflow has no goal of its own.
        boolean journey = subject instanceof Subject.Journey;
        return new SimulationReport(tested(), run.from(), run.until(), run.events(), WorkflowCounters.summary(counters),
                journey ? null : goal(counters), enrolled(), actions(), branches(), sent.emails(), sent.webhooks(),
                sent.texts(), journey ? List.of() : goalMet(), unenrolled(), journey ? journeyFigures() : null,
                run.refused(), world.failures(), timelines(options.timelineOf()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> goal(Map<String, Long> counters) {
        return (Map<String, Object>) WorkflowCounters.details(workflow, counters).get("goal");
    }

    private JourneyMetrics journeyFigures() {
        return world.engine.journeyReports().metrics(SimulatedWorld.TENANT, subject.id());
    }

    private SimulationReport.Tested tested() {
        if (subject instanceof Subject.Journey j) {
            return new SimulationReport.Tested("journey", j.id(), j.definition().name());
        }
        return new SimulationReport.Tested("workflow", workflow.id(), workflow.name());
    }

    /** The action a history line names, as the subject's author knows it; null for the engine's own steps. */
    String reportedAction(String actionId) {
        if (actionId == null) {
            return null;
        }
        String id = subject instanceof Subject.Journey ? JourneyWorkflows.stageActionOf(actionId) : actionId;
        return id.startsWith(io.crmflow.definition.JourneyNodes.PREFIX) ? null : id;
    }

    private List<Enrolled> enrolled() {
        return logs.stream().map(log -> new Enrolled(log.enrollment().record(), log.enrollment().enrolledAt(),
                log.enrollment().status().name(), path(log))).toList();
    }

    /** The actions reached in order, one entry per visit; a branch with the way it took. */
    private List<String> path(EnrollmentLog log) {
        List<String> path = new ArrayList<>();
        String last = null;
        for (HistoryEntry line : log.lines()) {
            String id = reportedAction(line.actionId());
            if (id == null) {
                last = null;
                continue;
            }
            String step = line.kind() == HistoryEntry.Kind.BRANCH_TAKEN
                    ? id + "→" + BranchLines.outcome(line.detail()).orElse("?") : id;
            if (!step.equals(last)) {
                path.add(step);
            }
            last = step;
        }
        return path;
    }

    /** Every action of the subject in its author's order, with how many enrollments reached it. */
    private List<ActionFigures> actions() {
        Map<String, Long> reached = new HashMap<>();
        for (EnrollmentLog log : logs) {
            Set<String> seen = new LinkedHashSet<>();
            log.lines().forEach(line -> {
                String id = reportedAction(line.actionId());
                if (id != null) {
                    seen.add(id);
                }
            });
            seen.forEach(id -> reached.merge(id, 1L, Long::sum));
        }
        List<ActionFigures> out = new ArrayList<>();
        authorsActions().forEach((id, type) -> out.add(new ActionFigures(id, type, reached.getOrDefault(id, 0L))));
        return out;
    }

    /** Action ids and their types as written: a workflow's actions, or a journey's stage actions. */
    private Map<String, String> authorsActions() {
        Map<String, String> actions = new LinkedHashMap<>();
        if (subject instanceof Subject.Journey j) {
            j.definition().stages().forEach(stage -> stage.actions().forEach(a -> actions.put(a.id(), typeOf(a))));
        } else {
            workflow.actions().forEach(a -> actions.put(a.id(), typeOf(a)));
        }
        return actions;
    }

    private static String typeOf(Object action) {
        return Json.mapper().valueToTree(action).path("type").asText();
    }

    private List<BranchFigures> branches() {
        Map<String, Map<String, Long>> taken = new LinkedHashMap<>();
        for (Action a : workflow.actions()) {
            Map<String, Long> outcomes = new LinkedHashMap<>();
            if (a instanceof Action.Branch b) {
                b.paths().forEach(p -> outcomes.put(p.name(), 0L));
            } else if (a instanceof Action.ValueBranch v) {
                v.cases().forEach(c -> outcomes.put(c.value(), 0L));
            } else {
                continue;
            }
            outcomes.put(BranchLines.NONE_MATCHED, 0L);
            taken.put(a.id(), outcomes);
        }
        for (EnrollmentLog log : logs) {
            for (HistoryEntry line : log.lines()) {
                if (line.kind() == HistoryEntry.Kind.BRANCH_TAKEN && taken.containsKey(line.actionId())) {
                    BranchLines.outcome(line.detail()).ifPresent(o -> taken.get(line.actionId()).merge(o, 1L, Long::sum));
                }
            }
        }
        List<BranchFigures> out = new ArrayList<>();
        taken.forEach((id, outcomes) -> out.add(new BranchFigures(id,
                outcomes.entrySet().stream().map(e -> new Outcome(e.getKey(), e.getValue())).toList())));
        return out;
    }

    private List<GoalMet> goalMet() {
        List<GoalMet> met = new ArrayList<>();
        Set<RecordRef> seen = new LinkedHashSet<>();
        for (EnrollmentLog log : logs) {
            RecordRef record = log.enrollment().record();
            if (seen.add(record)) {
                world.store.view(SimulatedWorld.TENANT, record)
                        .flatMap(view -> view.mark(workflow.id(), WorkflowMark.Kind.GOAL_MET))
                        .ifPresent(mark -> met.add(new GoalMet(record, mark.at())));
            }
        }
        return met;
    }

    private List<Unenrolled> unenrolled() {
        List<Unenrolled> out = new ArrayList<>();
        for (EnrollmentLog log : logs) {
            if (log.enrollment().status() == EnrollmentStatus.UNENROLLED) {
                HistoryEntry why = log.lines().stream().filter(l -> l.kind() == HistoryEntry.Kind.UNENROLLED)
                        .reduce((first, second) -> second).orElse(null);
                out.add(new Unenrolled(log.enrollment().record(), why == null ? log.enrollment().updatedAt() : why.at(),
                        why == null ? "" : why.detail()));
            }
        }
        return out;
    }

    private List<Timeline> timelines(Set<String> recordIds) {
        List<Timeline> out = new ArrayList<>();
        for (EnrollmentLog log : logs) {
            if (recordIds.contains(log.enrollment().record().id())) {
                out.add(new Timeline(log.enrollment().record(), log.lines().stream()
                        .map(l -> new Line(l.at(), l.kind().name(), l.actionId(), l.detail())).toList()));
            }
        }
        return out;
    }
}
