package io.crmflow.bench.flowable;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.flowable.job.api.Job;

/**
 * Flowable 7 embedded, on in-memory H2, running the reference workflow as a BPMN process with Java
 * delegates acting on {@link CrmStandIn}. Each run builds an engine on a database of its own and
 * closes it (the schema is dropped), so every run starts empty, as crmflow's does.
 *
 * <p>Tuned as a team after throughput would tune it, keeping what a CRM workflow must keep:
 * <ul>
 *   <li>history level {@code activity}: each instance's start, end and the activities it passed,
 *       the counterpart of the enrollment history crmflow keeps for every step — without the
 *       variable audit of the default level {@code audit};</li>
 *   <li>the database id generator (the default) with blocks of 10,000 ids instead of 2,500: one
 *       engine, so ids come from memory and the table is read once per block;</li>
 *   <li>eager fetching of the execution tree and execution relationship counts on: Flowable's
 *       performance settings that save queries when an instance moves on and when it ends;</li>
 *   <li>the IDM engine and the event registry off: nothing here uses users or inbound events;</li>
 *   <li>the async executor off: due timers are fired on the calling thread (see {@link #fireDueTimers}).</li>
 * </ul>
 * Not thread-safe; stateless between runs.
 */
final class FlowableContender implements Contender {
    private static final String PROCESS = "reference";
    /** Timers fired per query: the async executor's acquisition reads due timers in pages too. */
    private static final int TIMER_PAGE = 500;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    public String name() {
        return "Flowable 7";
    }

    @Override
    public Run run(List<Contact> contacts) {
        CrmStandIn crm = new CrmStandIn();
        ProcessEngine engine = engine(crm);
        try {
            engine.getRepositoryService().createDeployment()
                    .addClasspathResource("io/crmflow/bench/flowable/reference-workflow.bpmn20.xml").deploy();
            var clock = engine.getProcessEngineConfiguration().getClock();
            clock.setCurrentTime(Date.from(START));

            Stopwatch stopwatch = Stopwatch.start();
            RuntimeService runtime = engine.getRuntimeService();
            for (Contact contact : contacts) {
                if (contact.enrolls()) {
                    crm.put(contact);
                    runtime.startProcessInstanceByKey(PROCESS, contact.id(), variables(contact));
                }
            }
            long waiting = engine.getManagementService().createTimerJobQuery().count();
            if (waiting != contacts.size()) {
                throw new IllegalStateException(waiting + " of " + contacts.size() + " instances wait on the timer");
            }
            clock.setCurrentTime(Date.from(START.plus(DELAY)));
            fireDueTimers(engine.getManagementService());
            Took took = stopwatch.took();
            return new Run(contacts.size(), took, tally(engine, crm, contacts));
        } finally {
            engine.close();
        }
    }

    private static ProcessEngine engine(CrmStandIn crm) {
        ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
        int database = DATABASES.incrementAndGet();
        configuration.setEngineName("bench-" + database);
        configuration.setJdbcUrl("jdbc:h2:mem:flowable-bench-" + database);
        configuration.setHistoryLevel(HistoryLevel.ACTIVITY);
        configuration.setIdBlockSize(10_000);
        configuration.setEnableEagerExecutionTreeFetching(true);
        configuration.setEnableExecutionRelationshipCounts(true);
        configuration.setDisableIdmEngine(true);
        configuration.setDisableEventRegistry(true);
        configuration.setCreateDiagramOnDeploy(false);
        configuration.setAsyncExecutorActivate(false);
        // The delegates read the engine's clock, which the run moves: the timer's "now" and the task's.
        configuration.setBeans(CrmDelegates.beans(crm, () -> configuration.getClock().getCurrentTime().toInstant()));
        return configuration.buildProcessEngine();
    }

    private static Map<String, Object> variables(Contact contact) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("contactId", contact.id());
        variables.put("firstname", contact.firstname());
        variables.put("email", contact.email());
        variables.put("lifecyclestage", contact.lifecyclestage());
        return variables;
    }

    /**
     * Fires every timer that is due, each in a transaction of its own, as the async executor
     * would: its acquisition moves due timer jobs to the executable jobs, and its threads then
     * execute each. Here both happen on the calling thread, through the management service — the
     * way Flowable's own tests drive timers — so no acquisition interval is waited out, and
     * Flowable, like crmflow here, runs on one thread.
     */
    private static void fireDueTimers(ManagementService management) {
        for (List<Job> due = page(management); !due.isEmpty(); due = page(management)) {
            for (Job timer : due) {
                Job executable = management.moveTimerToExecutableJob(timer.getId());
                management.executeJob(executable.getId());
            }
        }
    }

    private static List<Job> page(ManagementService management) {
        return management.createTimerJobQuery().executable().listPage(0, TIMER_PAGE);
    }

    private static Tally tally(ProcessEngine engine, CrmStandIn crm, List<Contact> contacts) {
        long completed = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(PROCESS).finished().count();
        long titled = contacts.stream()
                .filter(c -> c.expectedJobTitle().equals(crm.contacts.get(c.id()).get("jobtitle"))).count();
        Map<String, Integer> emailsTo = new HashMap<>();
        crm.outbox.forEach(email -> emailsTo.merge(email.to(), 1, Integer::sum));
        long emailedOnce = contacts.stream().filter(c -> emailsTo.getOrDefault(c.email(), 0) == 1).count();
        return new Tally(completed, crm.propertiesSet, titled, crm.tasks.size(), crm.outbox.size(), emailedOnce);
    }
}
