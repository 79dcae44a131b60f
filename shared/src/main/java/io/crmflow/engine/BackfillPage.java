package io.crmflow.engine;

/**
 * Asks the trigger handler to run page {@code page} of run {@code run} of a workflow's backfill.
 * Safe to deliver twice: a message whose run and page are not the job's is dropped.
 */
public record BackfillPage(String tenantId, String workflowId, long run, long page) {
    public BackfillPage {
        if (tenantId == null || tenantId.isBlank() || workflowId == null || workflowId.isBlank() || run < 1
                || page < 1) {
            throw new IllegalArgumentException("a backfill page needs tenantId, workflowId, and a run and page of 1 or more");
        }
    }
}
