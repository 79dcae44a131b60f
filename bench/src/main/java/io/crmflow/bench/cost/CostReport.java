package io.crmflow.bench.cost;

import io.crmflow.bench.ReferenceWorkflow;

/**
 * A run's counts priced: what one action of the reference workflow costs, next to what a Step
 * Functions Standard workflow would charge for it. Per-action figures divide by the actions
 * actually run (enrollments completed times the reference workflow's five), never by the size
 * asked for. Immutable.
 *
 * @param execution    the trigger event's handling to the email, priced
 * @param creation     the contacts' creation through the API, priced
 * @param idleTick     one tick of the timer with nothing due, priced
 * @param queuePollers event source mappings on SQS queues, each long-polling when idle
 */
record CostReport(RunCounts run, Prices prices, Bill execution, Bill creation, Bill idleTick, long queuePollers) {
    /**
     * A Step Functions design of the reference workflow takes at least one state per action (a
     * Choice, two Tasks, a Wait, a Task), and Standard bills each transition into a state.
     */
    static final int STEP_FUNCTIONS_TRANSITIONS_PER_ACTION = 1;
    static final long TICKS_PER_MONTH = 30L * 24 * 60;
    /**
     * Lambda's pollers of an idle SQS queue: five long polls of 20 seconds at a time, an
     * estimate (AWS documents the five pollers it starts with, not the idle rate).
     */
    static final long IDLE_RECEIVES_PER_QUEUE_PER_MONTH = 5L * 3 * 60 * 24 * 30;

    static CostReport of(RunCounts run, Prices prices, java.util.Map<String, FunctionBilling> functions,
                         long queuePollers) {
        return new CostReport(run, prices, Bill.of(run.execution(), prices, functions),
                Bill.of(run.creation(), prices, functions), Bill.of(run.idleTick(), prices, functions), queuePollers);
    }

    long actions() {
        return run.completed() * ReferenceWorkflow.ACTIONS_PER_ENROLLMENT;
    }

    double perAction(double quantity) {
        if (actions() == 0) {
            throw new IllegalStateException("no enrollment completed: there is no action to divide by");
        }
        return quantity / actions();
    }

    double perMillionActions(double dollars) {
        return perAction(dollars) * 1e6;
    }

    double stepFunctionsPerMillionActions() {
        return prices.stepFunctionsStandardPerMillionTransitions() * STEP_FUNCTIONS_TRANSITIONS_PER_ACTION;
    }

    /** How many times cheaper crmflow's orchestration is than Step Functions' transitions: the target's ratio. */
    double ratio() {
        return stepFunctionsPerMillionActions() / perMillionActions(execution.orchestration());
    }

    /** The timer's tick every minute with nothing due, a month long: paid with no traffic at all. */
    double idleTimerDollarsPerMonth() {
        return idleTick.total() * TICKS_PER_MONTH;
    }

    /** The pollers' receives of idle queues, a month long: paid with no traffic at all. */
    double idlePollingDollarsPerMonth() {
        return queuePollers * IDLE_RECEIVES_PER_QUEUE_PER_MONTH * prices.sqsPerMillionRequests() / 1e6;
    }
}
