package io.crmflow.http;

import java.time.Duration;

/** Waits between attempts; injected so that tests move a clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
