package io.crmflow.outbound;

import io.crmflow.engine.BackfillPage;

/**
 * Sends the pages of a backfill (R-WF-8) to the trigger handler, one message per page. At least
 * once; a page whose job has moved on is dropped by its run and page number.
 */
public interface BackfillQueue {

    /** For a process that never starts or continues a backfill; sending fails and says so. */
    BackfillQueue NONE = page -> {
        throw new IllegalStateException("this process has no backfill queue, so it cannot send " + page);
    };

    void send(BackfillPage page);
}
