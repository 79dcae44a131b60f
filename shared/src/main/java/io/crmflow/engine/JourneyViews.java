package io.crmflow.engine;

import io.crmflow.journey.End;
import io.crmflow.journey.JourneyDefinition;
import io.crmflow.journey.Stage;
import io.crmflow.journey.StageAction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The two ways seed 003 draws a journey (R-JRN-14), as data a user interface draws from, each
 * node with its figures: a tree from the start stage, and engagement paths — the stages that
 * lead from the start to each end, the goal's path first. A stage leads on to the next one in
 * order (contacts move forward as their property changes), to wherever its go-to actions lead,
 * and to wherever contacts did go from it; an end no go-to names hangs under the last stage.
 * Stateless.
 */
public final class JourneyViews {
    private JourneyViews() {
    }

    /** Both views of one journey. */
    public record Views(TreeNode tree, List<EngagementPath> engagementPaths) {
    }

    /**
     * One node of the tree: a stage (with its actions), an end, or a link back to a stage drawn
     * higher up (a go-to an earlier stage), which keeps it a tree.
     *
     * @param kind     {@code stage}, {@code end} or {@code link}
     * @param count    how many contacts took the edge into this node from its parent; null for the root
     * @param percent  their share of the parent stage's entries
     * @param entered  a stage's entries; an end's count of contacts that reached it
     * @param actions  a stage's action types, in order
     */
    public record TreeNode(String kind, String id, String name, String value, Long count, Double percent,
                           Long entered, List<String> actions, List<TreeNode> children) {
        public TreeNode {
            actions = actions == null ? List.of() : List.copyOf(actions);
            children = children == null ? List.of() : List.copyOf(children);
        }
    }

    /** The stages leading from the start to one end, each with its entries, and the end's count and share. */
    public record EngagementPath(String endId, String name, String kind, List<PathStage> stages, long reached,
                                 Double percent) {
        public EngagementPath {
            stages = List.copyOf(stages);
        }
    }

    public record PathStage(String stageId, String name, long entered) {
    }

    static Views of(JourneyDefinition d, JourneyMetrics metrics) {
        Map<String, List<String>> edges = edges(d);
        // Contacts also move to stages and ends no action names, as their property changes: those paths are drawn
        // too, but for a stage or end a later publish deleted, which the published journey cannot draw.
        for (JourneyMetrics.StageFigures stage : metrics.stages()) {
            for (JourneyMetrics.PathFigures path : stage.paths()) {
                String to = path.to().startsWith("stage:") ? path.to().substring(6)
                        : path.to().startsWith("end:") ? path.to() : null;
                boolean published = to != null && (to.startsWith("end:") ? d.end(to.substring(4)).isPresent()
                        : d.indexOf(to) >= 0);
                if (published && !edges.get(stage.stageId()).contains(to)) {
                    edges.get(stage.stageId()).add(to);
                }
            }
        }
        Set<String> drawn = new HashSet<>();
        TreeNode tree = node(d, metrics, d.stages().get(0).id(), null, null, edges, drawn);
        List<EngagementPath> paths = new ArrayList<>();
        List<End> ends = new ArrayList<>(d.ends());
        ends.sort((a, b) -> Boolean.compare(b.isGoal(), a.isGoal()));
        for (End end : ends) {
            List<String> route = shortestPath(d.stages().get(0).id(), "end:" + end.id(), edges);
            List<PathStage> stages = route.stream().filter(n -> !n.startsWith("end:"))
                    .map(id -> new PathStage(id, stage(d, id).name(), figures(metrics, id).entered())).toList();
            var endFigures = metrics.ends().stream().filter(f -> f.endId().equals(end.id())).findFirst().orElseThrow();
            paths.add(new EngagementPath(end.id(), end.name(), endFigures.kind(), stages, endFigures.reached(),
                    endFigures.percent()));
        }
        return new Views(tree, paths);
    }

    /** From each stage: the next stage in order, its go-to targets, and (the last stage) every end no go-to names. */
    private static Map<String, List<String>> edges(JourneyDefinition d) {
        Map<String, List<String>> out = new HashMap<>();
        Set<String> named = new HashSet<>();
        for (int i = 0; i < d.stages().size(); i++) {
            Stage s = d.stages().get(i);
            Set<String> to = new LinkedHashSet<>();
            if (i + 1 < d.stages().size()) {
                to.add(d.stages().get(i + 1).id());
            }
            for (StageAction a : s.actions()) {
                if (a instanceof StageAction.GoToStage go) {
                    to.add(go.stageId());
                } else if (a instanceof StageAction.GoToEnd go) {
                    to.add("end:" + go.endId());
                    named.add(go.endId());
                }
            }
            out.put(s.id(), new ArrayList<>(to));
        }
        String last = d.stages().get(d.stages().size() - 1).id();
        d.ends().stream().filter(e -> !named.contains(e.id())).forEach(e -> out.get(last).add("end:" + e.id()));
        return out;
    }

    private static TreeNode node(JourneyDefinition d, JourneyMetrics m, String id, Long count, Double percent,
                                 Map<String, List<String>> edges, Set<String> drawn) {
        if (id.startsWith("end:")) {
            String endId = id.substring(4);
            End end = d.end(endId).orElseThrow();
            long reached = m.ends().stream().filter(f -> f.endId().equals(endId)).mapToLong(JourneyMetrics.EndFigures::reached)
                    .sum();
            return new TreeNode("end", endId, end.name(), end.value(), count, percent, reached, null, null);
        }
        Stage stage = stage(d, id);
        if (!drawn.add(id)) {
            return new TreeNode("link", id, stage.name(), stage.value(), count, percent, null, null, null);
        }
        JourneyMetrics.StageFigures figures = figures(m, id);
        List<TreeNode> children = new ArrayList<>();
        for (String to : edges.get(id)) {
            Optional<JourneyMetrics.PathFigures> path = figures.paths().stream()
                    .filter(p -> p.to().equals(to.startsWith("end:") ? to : "stage:" + to)).findFirst();
            children.add(node(d, m, to, path.map(JourneyMetrics.PathFigures::count).orElse(0L),
                    path.map(JourneyMetrics.PathFigures::percent).orElse(figures.entered() == 0 ? null : 0.0), edges,
                    drawn));
        }
        List<String> actions = stage.actions().stream().map(JourneyViews::typeOf).toList();
        return new TreeNode("stage", id, stage.name(), stage.value(), count, percent, figures.entered(), actions,
                children);
    }

    private static List<String> shortestPath(String from, String to, Map<String, List<String>> edges) {
        Map<String, String> parent = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(from));
        parent.put(from, null);
        while (!queue.isEmpty()) {
            String at = queue.poll();
            if (at.equals(to)) {
                break;
            }
            for (String next : edges.getOrDefault(at, List.of())) {
                if (!parent.containsKey(next)) {
                    parent.put(next, at);
                    queue.add(next);
                }
            }
        }
        List<String> path = new ArrayList<>();
        for (String at = parent.containsKey(to) ? to : null; at != null; at = parent.get(at)) {
            path.add(0, at);
        }
        return path;
    }

    private static Stage stage(JourneyDefinition d, String id) {
        return d.stages().get(d.indexOf(id));
    }

    private static JourneyMetrics.StageFigures figures(JourneyMetrics m, String stageId) {
        return m.stages().stream().filter(s -> s.stageId().equals(stageId)).findFirst().orElseThrow();
    }

    private static String typeOf(StageAction a) {
        String simple = a.getClass().getSimpleName();
        return simple.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
