package io.crmflow.bench.flowable;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.DelegateHelper;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * The reference workflow's actions as Flowable Java delegates, named as the BPMN model's
 * {@code flowable:delegateExpression}s name them. Each reads its settings from the service task's
 * {@code flowable:field}s through {@link DelegateHelper}, the way Flowable documents for delegates
 * shared by every execution (injecting into a shared bean's fields is not thread-safe); texts
 * with {@code ${…}} are rendered per contact, as crmflow renders its {@code {{…}}} tokens.
 */
final class CrmDelegates {
    private CrmDelegates() {
    }

    /** The beans the process engine resolves the delegate expressions against. */
    static Map<Object, Object> beans(CrmStandIn crm, Supplier<Instant> now) {
        return Map.of("setProperty", setProperty(crm), "createTask", createTask(crm, now), "sendEmail",
                sendEmail(crm));
    }

    /** Sets one property on the contact's record. */
    static JavaDelegate setProperty(CrmStandIn crm) {
        return execution -> crm.setProperty(contactId(execution), field(execution, "property"),
                field(execution, "value"));
    }

    /** Makes a CRM task about the contact, due {@code dueIn} from now, and moves on. */
    static JavaDelegate createTask(CrmStandIn crm, Supplier<Instant> now) {
        return execution -> crm.tasks.add(new CrmStandIn.Task(contactId(execution), field(execution, "subject"),
                field(execution, "body"),
                now.get().plus(Duration.parse(field(execution, "dueIn")))));
    }

    /** Hands an email to the contact to the outbox. */
    static JavaDelegate sendEmail(CrmStandIn crm) {
        return execution -> crm.outbox.add(new CrmStandIn.Email((String) execution.getVariable("email"),
                field(execution, "from"), field(execution, "subject"), field(execution, "body")));
    }

    private static String contactId(DelegateExecution execution) {
        return (String) execution.getVariable("contactId");
    }

    private static String field(DelegateExecution execution, String name) {
        return (String) DelegateHelper.getFieldExpression(execution, name).getValue(execution);
    }
}
