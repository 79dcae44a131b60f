package io.crmflow.bench.cost;

/**
 * What a run of the reference workflow counted, before any price is applied.
 *
 * @param contacts  contacts created, half of them customers; every one meets the trigger
 * @param completed enrollments of the reference workflow that completed
 * @param emails    emails the mail service took
 * @param creation  the contacts' creation through the API: a CRM's own write, made with or without workflows
 * @param execution everything after it: the trigger event's handling to the email, every function
 *                  but the API's, the bus's deliveries to the queues and the queue pollers
 * @param idleTick  one tick of the timer with nothing due: what the schedule costs every minute regardless
 */
record RunCounts(int contacts, long completed, long emails, Phase creation, Phase execution, Phase idleTick) {
}
