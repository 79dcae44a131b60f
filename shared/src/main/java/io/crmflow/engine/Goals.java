package io.crmflow.engine;

import io.crmflow.definition.Action;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.FilterContext;
import io.crmflow.filter.Filters;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import io.crmflow.store.RecordView;
import io.crmflow.store.WorkflowMark;
import io.crmflow.store.Write;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Workflow goals (R-WF-11..14): when a record meets one, what is written, and the conversion
 * rate. Counts are kept per goal generation, so removing every goal criterion starts them afresh
 * (R-WF-13). Stateless.
 */
final class Goals {
    static final String MET = "goal_met";
    static final String MET_AFTER_MARKETING = "goal_met_after_marketing_email";
    static final String MARKETING_EMAILED = "marketing_emailed";

    private Goals() {
    }

    static boolean met(WorkflowDefinition wf, FilterContext context) {
        return !wf.goal().isEmpty() && Filters.matches(wf.goal().criteria(), context);
    }

    static String counter(String name, long generation) {
        return name + "@" + generation;
    }

    /**
     * What meeting the goal writes, unless the record met it before (remembered forever): the
     * mark, the counts of this generation, and the "goal met" event other workflows may start on.
     *
     * @param spreadBy what the counts are about, to spread them over counter items
     */
    static List<Write> onMet(WorkflowDefinition wf, RecordView view, String eventId, String spreadBy, Instant now,
                             List<CrmEvent> events) {
        RecordRef record = view.record().ref();
        if (view.mark(wf.id(), WorkflowMark.Kind.GOAL_MET).isPresent()) {
            return List.of();
        }
        long generation = wf.goal().generation();
        List<Write> writes = new ArrayList<>();
        writes.add(new Write.PutWorkflowMark(wf.tenantId(), record,
                new WorkflowMark(wf.id(), WorkflowMark.Kind.GOAL_MET, generation, now)));
        writes.add(new Write.IncrementCounter(wf.tenantId(), wf.id(), counter(MET, generation), spreadBy));
        boolean emailedFirst = view.mark(wf.id(), WorkflowMark.Kind.MARKETING_EMAILED)
                .filter(m -> m.generation() == generation).isPresent();
        if (emailedFirst) {
            writes.add(new Write.IncrementCounter(wf.tenantId(), wf.id(), counter(MET_AFTER_MARKETING, generation),
                    spreadBy));
        }
        events.add(new CrmEvent.WorkflowMilestone(eventId, wf.tenantId(), record, now, Origin.workflow(wf.id()), wf.id(),
                CrmEvent.WorkflowMilestone.Milestone.GOAL_MET));
        return writes;
    }

    /**
     * What a marketing email sent by the workflow writes the first time in a goal generation that
     * the record gets one: the denominator of the conversion rate (R-WF-12).
     */
    static List<Write> onMarketingEmailed(WorkflowDefinition wf, RecordView view, String spreadBy, Instant now) {
        long generation = wf.goal().generation();
        boolean counted = view.mark(wf.id(), WorkflowMark.Kind.MARKETING_EMAILED)
                .filter(m -> m.generation() >= generation).isPresent();
        if (counted) {
            return List.of();
        }
        return List.of(new Write.PutWorkflowMark(wf.tenantId(), view.record().ref(),
                        new WorkflowMark(wf.id(), WorkflowMark.Kind.MARKETING_EMAILED, generation, now)),
                new Write.IncrementCounter(wf.tenantId(), wf.id(), counter(MARKETING_EMAILED, generation), spreadBy));
    }

    /**
     * The goal figures of a workflow's details: how many met the goal, and the conversion rate —
     * or, when there can be none, why (R-WF-12: no rate without a marketing email, not 0%).
     */
    static Map<String, Object> summary(WorkflowDefinition wf, Map<String, Long> counters) {
        Map<String, Object> out = new LinkedHashMap<>();
        long generation = wf.goal().generation();
        long met = counters.getOrDefault(counter(MET, generation), 0L);
        long emailed = counters.getOrDefault(counter(MARKETING_EMAILED, generation), 0L);
        long converted = counters.getOrDefault(counter(MET_AFTER_MARKETING, generation), 0L);
        out.put("hasGoal", !wf.goal().isEmpty());
        out.put("metGoal", met);
        out.put("marketingEmailed", emailed);
        out.put("metGoalAfterMarketingEmail", converted);
        boolean sendsMarketing = wf.actions().stream().anyMatch(a -> a instanceof Action.SendEmail send
                && send.kind() == Action.EmailKind.MARKETING);
        if (wf.goal().isEmpty()) {
            out.put("conversionRate", null);
            out.put("conversionRateNote", "no goal is set, so there is no conversion rate");
        } else if (!sendsMarketing) {
            out.put("conversionRate", null);
            out.put("conversionRateNote", "this workflow sends no marketing email, so there is no conversion rate");
        } else if (emailed == 0) {
            out.put("conversionRate", null);
            out.put("conversionRateNote", "no marketing email has been sent by this workflow yet");
        } else {
            out.put("conversionRate", (double) converted / emailed);
        }
        return out;
    }
}
