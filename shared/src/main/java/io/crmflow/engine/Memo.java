package io.crmflow.engine;

import java.util.function.Supplier;

/** Computes a value on first use and keeps it. For one step on one thread: not thread-safe. */
final class Memo<T> implements Supplier<T> {
    private final Supplier<T> compute;
    private T value;
    private boolean done;

    Memo(Supplier<T> compute) {
        this.compute = compute;
    }

    @Override
    public T get() {
        if (!done) {
            value = compute.get();
            done = true;
        }
        return value;
    }
}
