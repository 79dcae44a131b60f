package io.crmflow.functions.timer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.crmflow.engine.DueSweeper;
import io.crmflow.engine.Engine;
import io.crmflow.functions.common.Metrics;
import io.crmflow.functions.common.Wiring;

/**
 * Runs every minute on a schedule: sends the step messages of waits that have ended and of
 * steps never confirmed, publishes events a crashed publisher left in the outbox, and sends
 * again the pages of backfills (R-WF-8) whose message was lost.
 */
public final class TimerHandler implements RequestHandler<ScheduledEvent, DueSweeper.Sweep> {
    private static final int SPARE_MILLIS = 10_000;
    private final Engine engine;
    private final Metrics metrics;

    public TimerHandler() {
        this(Wiring.fromEnv());
    }

    public TimerHandler(Wiring wiring) {
        this.engine = wiring.engine();
        this.metrics = wiring.metrics("timer");
    }

    @Override
    public DueSweeper.Sweep handleRequest(ScheduledEvent event, Context context) {
        // Stop starting new pages with time to spare: a sweep cut off mid-page wastes its re-arms.
        DueSweeper.Sweep sweep = engine.sweeper().sweep(engine.clock().instant(),
                () -> context == null || context.getRemainingTimeInMillis() > SPARE_MILLIS);
        metrics.count("DueStepsSent", sweep.stepsSent());
        metrics.count("OutboxEventsPublished", sweep.eventsPublished());
        metrics.count("StepsAbandoned", sweep.stepsAbandoned());
        metrics.count("SweepFailures", sweep.failures());
        metrics.count("BackfillPagesResent", engine.backfills().sweep(engine.clock().instant(),
                () -> context == null || context.getRemainingTimeInMillis() > SPARE_MILLIS));
        return sweep;
    }
}
