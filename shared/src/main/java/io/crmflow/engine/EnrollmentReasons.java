package io.crmflow.engine;

import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.Pipeline;
import io.crmflow.model.PropertyChange;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What an enrollment's "enrolled" line says about the change that enrolled the record and who
 * made it (provenance): "dealstage changed to 'contractsent' by user 'u1'". Pure.
 */
final class EnrollmentReasons {
    /** Changes named in one line; an import touching fifty properties would drown it. */
    private static final int MOST_CHANGES = 3;

    private EnrollmentReasons() {
    }

    /** @param record the record as the event left it */
    static String describe(CrmEvent event, CrmRecord record) {
        String by = " by " + event.origin().describe();
        if (event instanceof CrmEvent.RecordCreated) {
            String stageProperty = Pipeline.stageProperty(record.objectType());
            return record.objectType() + " created" + record.property(stageProperty)
                    .map(stage -> " in " + stageProperty + " '" + stage + "'").orElse("") + by;
        } else if (event instanceof CrmEvent.PropertiesChanged changed) {
            return changes(changed.changes(), StageChanges.tracked(record.objectType())) + by;
        } else if (event instanceof CrmEvent.ActivityLogged logged) {
            return "activity " + logged.activity().type().wireName() + " logged" + by;
        } else if (event instanceof CrmEvent.ListMembershipChanged m) {
            return (m.joined() ? "joined" : "left") + " list '" + m.listId() + "'" + by;
        } else if (event instanceof CrmEvent.WorkflowMilestone m) {
            return "milestone " + m.milestone().name().toLowerCase(java.util.Locale.ROOT) + " of workflow '"
                    + m.workflowId() + "'";
        }
        return event.detailType() + by;
    }

    /** Stage, pipeline and lifecycle changes first: they are what pipelines and people look for. */
    private static String changes(List<PropertyChange> changes, java.util.Set<String> first) {
        List<PropertyChange> ordered = changes.stream()
                .sorted(Comparator.comparing((PropertyChange c) -> !first.contains(c.property()))).toList();
        String said = ordered.stream().limit(MOST_CHANGES)
                .map(c -> c.property() + (c.to() == null ? " emptied" : " changed to '" + c.to() + "'"))
                .collect(Collectors.joining(", "));
        return ordered.size() > MOST_CHANGES ? said + " and " + (ordered.size() - MOST_CHANGES) + " more" : said;
    }
}
