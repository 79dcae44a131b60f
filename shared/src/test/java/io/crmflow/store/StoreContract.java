package io.crmflow.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.definition.Action;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.Enrollment;
import io.crmflow.engine.EnrollmentStatus;
import io.crmflow.filter.Condition;
import io.crmflow.filter.Filter;
import io.crmflow.filter.Operator;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.RecordRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every store backend must do, whatever it is built on. Each port family has its own
 * contract class extending this one; each backend runs all of them against fresh, empty stores
 * (the in-memory store in {@code shared}, DynamoDB in {@code local}).
 */
public abstract class StoreContract {
    protected static final String T = "t1";
    protected static final String OTHER_TENANT = "t2";
    protected static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    protected Stores stores;

    /** Stores with nothing in them, not shared with any other test. */
    protected abstract Stores newStores();

    /** The racing cases run only where conditional writes are atomic under concurrency (see {@link Stores}). */
    protected final boolean atomicUnderConcurrency() {
        return stores.atomicUnderConcurrency();
    }

    @BeforeEach
    void openStores() {
        stores = newStores();
    }

    protected void commit(Write... writes) {
        stores.writer().commit(List.of(writes));
    }

    protected ConflictException conflict(Write... writes) {
        var thrown = new ConflictException[1];
        assertThatThrownBy(() -> commit(writes)).isInstanceOfSatisfying(ConflictException.class, e -> thrown[0] = e);
        return thrown[0];
    }

    protected static RecordRef contact(String id) {
        return new RecordRef("contact", id);
    }

    protected static CrmRecord record(String tenantId, RecordRef ref, Map<String, String> properties) {
        return new CrmRecord(tenantId, ref.objectType(), ref.id(), properties, 1, NOW, NOW);
    }

    protected static CrmRecord contactRecord(String id) {
        return record(T, contact(id), Map.of("email", id + "@example.com"));
    }

    protected static Write.PutRecord create(CrmRecord record) {
        return new Write.PutRecord(record, 0);
    }

    protected static Filter customers() {
        return Filter.allOf(new Condition.OnProperty("lifecyclestage", Operator.EQ, List.of("customer")));
    }

    /** A contact workflow: a one-hour delay, then a property set. */
    protected static WorkflowDefinition workflow(String id, long version, boolean enabled, Filter criteria) {
        List<Action> actions = List.of(new Action.Delay("wait", Duration.ofHours(1), "tag"),
                new Action.SetProperty("tag", "lifecyclestage", "customer", null));
        return new WorkflowDefinition(T, id, "Workflow " + id, "contact", version, enabled,
                new EnrollmentTrigger(criteria), "wait", actions);
    }

    protected static Enrollment enrollment(String workflowId, RecordRef record, EnrollmentStatus status,
                                           Instant dueAt, Instant enrolledAt) {
        return new Enrollment(T, Enrollment.idFor(workflowId, record), workflowId, 1, record, status,
                status.terminal() ? null : "wait", 1, dueAt, enrolledAt, enrolledAt, 0, 1);
    }

    protected static Write.PutEnrollment enroll(Enrollment e) {
        return new Write.PutEnrollment(e, 0);
    }
}
