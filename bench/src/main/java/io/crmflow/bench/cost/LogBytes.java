package io.crmflow.bench.cost;

import java.io.OutputStream;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where the functions' log lines go during a run: counted, not kept, since CloudWatch Logs bills
 * by the bytes ingested and nobody reads them here. Thread-safe.
 */
final class LogBytes extends OutputStream {
    private final LongAdder bytes = new LongAdder();

    @Override
    public void write(int b) {
        bytes.increment();
    }

    @Override
    public void write(byte[] b, int off, int len) {
        bytes.add(len);
    }

    long count() {
        return bytes.sum();
    }
}
