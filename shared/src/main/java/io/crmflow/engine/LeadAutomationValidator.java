package io.crmflow.engine;

import io.crmflow.definition.LeadAutomations;
import io.crmflow.definition.LeadEvent;
import io.crmflow.model.InputProblem;
import io.crmflow.model.LifecycleStage;
import io.crmflow.model.Pipeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What makes the default lead pipeline's automations unusable, each problem with its JSON pointer
 * into the settings document: a lifecycle stage or pipeline stage that does not exist, an event
 * of the other progression, a from-stage a lead could only leave by moving back, an automation
 * switched on with nothing to act on. Pure.
 */
final class LeadAutomationValidator {
    private LeadAutomationValidator() {
    }

    static List<InputProblem> problems(LeadAutomations a, Pipeline pipeline) {
        List<InputProblem> problems = new ArrayList<>();
        createLead(a.createLead(), problems);
        followUpLead(a.followUpLead(), problems);
        progression("attempting", a.attempting(), LeadEvent.Kind.OUTREACH, pipeline, problems);
        progression("connected", a.connected(), LeadEvent.Kind.ENGAGEMENT, pipeline, problems);
        return problems;
    }

    private static void createLead(LeadAutomations.CreateLead c, List<InputProblem> problems) {
        List<String> known = Arrays.stream(LifecycleStage.values()).map(LifecycleStage::internalName).toList();
        for (int i = 0; i < c.lifecycleStages().size(); i++) {
            String stage = c.lifecycleStages().get(i);
            if (!known.contains(stage)) {
                problems.add(new InputProblem("/createLead/lifecycleStages/" + i,
                        "'" + stage + "' is not a lifecycle stage; expected one of " + known));
            }
        }
        if (c.enabled() && c.lifecycleStages().isEmpty()) {
            problems.add(new InputProblem("/createLead/lifecycleStages",
                    "choose at least one lifecycle stage, or switch the automation off"));
        }
    }

    private static void followUpLead(LeadAutomations.FollowUpLead f, List<InputProblem> problems) {
        if (f.leadType() == null || f.leadType().isBlank()) {
            problems.add(new InputProblem("/followUpLead/leadType", "choose the lead type of the follow-up lead"));
        }
        for (int i = 0; i < f.disqualificationReasons().size(); i++) {
            String reason = f.disqualificationReasons().get(i);
            if (reason == null || reason.isBlank()) {
                problems.add(new InputProblem("/followUpLead/disqualificationReasons/" + i,
                        "a disqualification reason cannot be empty"));
            }
        }
        if (f.enabled() && f.disqualificationReasons().isEmpty()) {
            problems.add(new InputProblem("/followUpLead/disqualificationReasons",
                    "choose at least one disqualification reason, or switch the automation off"));
        }
    }

    private static void progression(String name, LeadAutomations.Progression p, LeadEvent.Kind kind,
                                    Pipeline pipeline, List<InputProblem> problems) {
        String at = "/" + name;
        List<String> stages = pipeline.stages().stream().map(s -> s.id()).toList();
        int to = p.to() == null ? -1 : pipeline.indexOf(p.to());
        if (to < 0) {
            problems.add(new InputProblem(at + "/to", (p.to() == null ? "choose the stage" : "'" + p.to()
                    + "' is not a stage") + " of the default lead pipeline; expected one of " + stages));
        }
        for (int i = 0; i < p.from().size(); i++) {
            String from = p.from().get(i);
            int index = pipeline.indexOf(from);
            if (index < 0) {
                problems.add(new InputProblem(at + "/from/" + i, "'" + from
                        + "' is not a stage of the default lead pipeline; expected one of " + stages));
            } else if (to >= 0 && index >= to) {
                problems.add(new InputProblem(at + "/from/" + i, "'" + from + "' does not come before '" + p.to()
                        + "': the automation only moves a lead forward"));
            }
        }
        for (int i = 0; i < p.events().size(); i++) {
            LeadEvent event = p.events().get(i);
            if (event == null || event.kind() != kind) {
                problems.add(new InputProblem(at + "/events/" + i, "'" + (event == null ? null : event.wireName())
                        + "' does not move a lead to " + name + "; expected some of "
                        + LeadEvent.ofKind(kind).stream().map(LeadEvent::wireName).toList()));
            }
        }
        if (p.enabled() && p.from().isEmpty()) {
            problems.add(new InputProblem(at + "/from", "choose at least one stage to move leads from, or switch "
                    + "the automation off"));
        }
        if (p.enabled() && p.events().isEmpty()) {
            problems.add(new InputProblem(at + "/events", "choose at least one event, or switch the automation off"));
        }
    }
}
