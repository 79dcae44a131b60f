package io.crmflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.model.Activity;
import io.crmflow.model.ActivityType;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.Origin;
import io.crmflow.model.PropertyChange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Outbox} and {@link Write.EnqueueEvent}: events wait beside the change that caused them. */
public abstract class OutboxContract extends StoreContract {

    @Test
    void enqueue_isDueFromItsTime_untilRemoved() {
        CrmEvent created = new CrmEvent.RecordCreated("ev1", T, contact("c1"), NOW, Origin.api());
        commit(create(contactRecord("c1")), new Write.EnqueueEvent(created, NOW.plusSeconds(60)));

        assertThat(stores.outbox().dueEvents(NOW.plusSeconds(59), 10)).isEmpty();
        assertThat(stores.outbox().dueEvents(NOW.plusSeconds(60), 10))
                .containsExactly(new OutboxEntry(created, NOW.plusSeconds(60)));

        stores.outbox().remove(T, "ev1");
        stores.outbox().remove(T, "never-there");
        assertThat(stores.outbox().dueEvents(NOW.plusSeconds(3600), 10)).isEmpty();
    }

    @Test
    void removeAll_removesTheEntriesOfEveryEventPublishedTogether_andOnlyThose() {
        List<CrmEvent> published = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            CrmEvent event = new CrmEvent.RecordCreated("ev" + i, T, contact("c" + i), NOW, Origin.api());
            commit(new Write.EnqueueEvent(event, NOW));
            if (i != 7) {
                published.add(event);
            }
        }
        published.add(new CrmEvent.RecordCreated("never-there", T, contact("c99"), NOW, Origin.api()));

        stores.outbox().removeAll(published);
        stores.outbox().removeAll(List.of(new CrmEvent.RecordCreated("ev3", T, contact("c3"), NOW, Origin.api())));

        assertThat(stores.outbox().dueEvents(NOW, 50)).extracting(o -> o.event().eventId()).containsExactly("ev7");
    }

    @Test
    void everyKindOfEvent_comesBackEqual() {
        CrmEvent created = new CrmEvent.RecordCreated("ev1", T, contact("c1"), NOW, Origin.api());
        CrmEvent changed = new CrmEvent.PropertiesChanged("ev2", T, contact("c1"), NOW.plusSeconds(1),
                Origin.workflow("wf1"), List.of(new PropertyChange("lifecyclestage", null, "customer"),
                        new PropertyChange("firstname", "Ada", null)));
        CrmEvent activity = new CrmEvent.ActivityLogged("ev3", OTHER_TENANT, contact("c1"), NOW.plusSeconds(2),
                Origin.api(), new Activity(ActivityType.values()[0],
                        new Activity.Actor(Activity.ActorKind.RECORD, "c1"), Map.of("source", "chat")));
        commit(new Write.EnqueueEvent(activity, NOW.plusSeconds(2)), new Write.EnqueueEvent(changed, NOW.plusSeconds(1)),
                new Write.EnqueueEvent(created, NOW));

        assertThat(stores.outbox().dueEvents(NOW.plusSeconds(2), 10)).containsExactly(
                new OutboxEntry(created, NOW), new OutboxEntry(changed, NOW.plusSeconds(1)),
                new OutboxEntry(activity, NOW.plusSeconds(2)));
    }

    @Test
    void dueEvents_oldestFirstAcrossTenants_upToTheLimit() {
        for (int i = 0; i < 20; i++) {
            String tenant = i % 3 == 0 ? OTHER_TENANT : T;
            commit(new Write.EnqueueEvent(new CrmEvent.RecordCreated("ev" + i, tenant, contact("c" + i), NOW,
                    Origin.api()), NOW.minusSeconds(100 - i)));
        }
        assertThat(stores.outbox().dueEvents(NOW, 15)).extracting(o -> o.event().eventId())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 15).mapToObj(i -> "ev" + i).toList());
    }

    @Test
    void enqueue_inAFailedCommit_isNotThere() {
        commit(create(contactRecord("c1")));
        CrmEvent created = new CrmEvent.RecordCreated("ev1", T, contact("c1"), NOW, Origin.api());

        conflict(new Write.EnqueueEvent(created, NOW), create(contactRecord("c1")));

        assertThat(stores.outbox().dueEvents(NOW, 10)).isEmpty();
    }
}
