package io.crmflow.engine;

import io.crmflow.definition.TriggerEvent;
import io.crmflow.model.ActivityType;
import io.crmflow.model.CrmEvent;
import java.util.Optional;

/**
 * What an event that is not about a property shows of itself, and what an event trigger
 * waiting for it is filed under in the {@link TriggerIndex}: equal exactly when
 * {@link TriggerEvents#matches} could hold. Property changes show {@link io.crmflow.filter.IndexKey}s.
 */
sealed interface TriggerEventKey {
    record Created() implements TriggerEventKey {
    }

    record Activity(ActivityType type) implements TriggerEventKey {
    }

    record Joined(String listId) implements TriggerEventKey {
    }

    record Left(String listId) implements TriggerEventKey {
    }

    /** The key of a CRM event; empty for a property change, a milestone or a request. */
    static Optional<TriggerEventKey> of(CrmEvent event) {
        if (event instanceof CrmEvent.RecordCreated) {
            return Optional.of(new Created());
        } else if (event instanceof CrmEvent.ActivityLogged logged) {
            return Optional.of(new Activity(logged.activity().type()));
        } else if (event instanceof CrmEvent.ListMembershipChanged m) {
            return Optional.of(m.joined() ? new Joined(m.listId()) : new Left(m.listId()));
        }
        return Optional.empty();
    }

    /** The key of a trigger event of those kinds; empty for the others. */
    static Optional<TriggerEventKey> of(TriggerEvent wanted) {
        if (wanted instanceof TriggerEvent.RecordCreated) {
            return Optional.of(new Created());
        } else if (wanted instanceof TriggerEvent.ActivityLogged activity) {
            return Optional.of(new Activity(activity.activity()));
        } else if (wanted instanceof TriggerEvent.ListJoined joined) {
            return Optional.of(new Joined(joined.listId()));
        } else if (wanted instanceof TriggerEvent.ListLeft left) {
            return Optional.of(new Left(left.listId()));
        }
        return Optional.empty();
    }
}
