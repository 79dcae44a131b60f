package io.crmflow.engine;

import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.Pipeline;
import io.crmflow.model.PropertyChange;
import io.crmflow.model.RecordRef;
import io.crmflow.model.StageChange;
import io.crmflow.store.Write;
import java.util.List;
import java.util.Set;

/**
 * The writes that keep a record's stage history (who moved it, and where): one per change of its
 * pipeline, stage or lifecycle stage, made in the same commit as the change itself, whoever makes
 * it — the API, a workflow, an automation. Pure.
 */
public final class StageChanges {
    private StageChanges() {
    }

    /** The properties whose changes are kept, for records of {@code objectType}. */
    public static Set<String> tracked(String objectType) {
        return Set.of(Pipeline.stageProperty(objectType), Pipeline.pipelineProperty(objectType), "lifecyclestage");
    }

    /** For a change of properties: the kept ones among {@code event}'s changes, which made {@code changed}. */
    public static List<Write> of(CrmEvent.PropertiesChanged event, CrmRecord changed) {
        return of(event.tenantId(), event.record(), event.changes(), event, changed.version());
    }

    /** For a record created with a stage already: its first stage counts as a change from none. */
    public static List<Write> ofCreated(CrmRecord created, CrmEvent.RecordCreated event) {
        List<PropertyChange> initial = tracked(created.objectType()).stream().sorted()
                .flatMap(p -> created.property(p).map(v -> new PropertyChange(p, null, v)).stream())
                .toList();
        return of(created.tenantId(), created.ref(), initial, event, created.version());
    }

    private static List<Write> of(String tenantId, RecordRef ref, List<PropertyChange> changes, CrmEvent event,
                                  long version) {
        Set<String> tracked = tracked(ref.objectType());
        return changes.stream().filter(c -> tracked.contains(c.property()))
                .<Write>map(c -> new Write.AppendStageChange(tenantId, ref, new StageChange(c.property(), c.from(),
                        c.to(), event.occurredAt(), event.origin(), event.eventId() + suffix(c, changes), version)))
                .toList();
    }

    /** Whether {@code change} was kept for event {@code eventId} (one event may keep several). */
    public static boolean madeBy(StageChange change, String eventId) {
        return change.eventId().equals(eventId) || change.eventId().startsWith(eventId + ".");
    }

    /** Two kept changes in one event (pipeline and stage together) need items of their own. */
    private static String suffix(PropertyChange c, List<PropertyChange> all) {
        return all.indexOf(c) == 0 ? "" : "." + all.indexOf(c);
    }
}
