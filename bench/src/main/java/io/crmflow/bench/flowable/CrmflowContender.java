package io.crmflow.bench.flowable;

import io.crmflow.bench.ReferenceWorkflow;
import io.crmflow.definition.DefinitionInputs.WorkflowInput;
import io.crmflow.engine.WorkflowCounters;
import io.crmflow.json.Json;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import io.crmflow.model.StandardObjectTypes;
import io.crmflow.model.Tenant;
import io.crmflow.outbound.OutgoingEmail;
import io.crmflow.store.Page;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * crmflow with its in-memory ports: a tenant with the reference workflow saved and switched on as
 * the API would, then each contact created as {@code POST /records/contact} creates it — the
 * creation's event is what enrolls it — and everything that sets off delivered until every
 * enrollment waits on the one-day delay; then the clock moves a day and the due sweep runs the
 * rest. Stateless: each run has a world of its own.
 */
final class CrmflowContender implements Contender {
    static final String TENANT = "bench";
    static final String WORKFLOW = "reference";

    @Override
    public String name() {
        return "crmflow";
    }

    @Override
    public Run run(List<Contact> contacts) {
        InMemoryCrmflow crm = new InMemoryCrmflow(START);
        crm.engine.definitions().createTenant(new Tenant(TENANT, "Bench", ZoneOffset.UTC));
        crm.engine.definitions().saveWorkflow(Json.read(ReferenceWorkflow.json(), WorkflowInput.class)
                .toWorkflow(TENANT, WORKFLOW));
        crm.engine.backfills().activate(TENANT, WORKFLOW, false, crm.now());

        Stopwatch stopwatch = Stopwatch.start();
        for (Contact contact : contacts) {
            crm.engine.records().create(TENANT, StandardObjectTypes.CONTACT, contact.id(), contact.properties(),
                    Origin.api(), crm.now());
        }
        crm.deliverUntilQuiet();
        long waiting = WorkflowCounters.summary(counters(crm)).get("active");
        if (waiting != contacts.size()) {
            throw new IllegalStateException(waiting + " of " + contacts.size() + " enrollments wait on the delay");
        }
        crm.advance(DELAY);
        Took took = stopwatch.took();
        return new Run(contacts.size(), took, tally(crm, contacts));
    }

    private static Map<String, Long> counters(InMemoryCrmflow crm) {
        return crm.store.counters(TENANT, WORKFLOW);
    }

    private static Tally tally(InMemoryCrmflow crm, List<Contact> contacts) {
        long titled = 0;
        long set = 0;
        for (Contact contact : contacts) {
            var title = crm.store.record(TENANT, new RecordRef(StandardObjectTypes.CONTACT, contact.id()))
                    .flatMap(record -> record.property("jobtitle"));
            set += title.isPresent() ? 1 : 0;
            titled += title.filter(contact.expectedJobTitle()::equals).isPresent() ? 1 : 0;
        }
        Map<String, Integer> emailsTo = new HashMap<>();
        for (OutgoingEmail email : crm.sent) {
            email.recipients().forEach(to -> emailsTo.merge(to, 1, Integer::sum));
        }
        long emailedOnce = contacts.stream().filter(c -> emailsTo.getOrDefault(c.email(), 0) == 1).count();
        return new Tally(counters(crm).getOrDefault("completed", 0L), set, titled, tasks(crm), crm.sent.size(),
                emailedOnce);
    }

    private static long tasks(InMemoryCrmflow crm) {
        long tasks = 0;
        String cursor = null;
        do {
            Page<CrmRecord> page = crm.store.recordsOfType(TENANT, StandardObjectTypes.TASK, cursor, 1_000);
            tasks += page.items().size();
            cursor = page.nextCursor();
        } while (cursor != null);
        return tasks;
    }
}
