package io.crmflow.bench.matching;

import io.crmflow.engine.TriggerIndex;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the trigger handler pays for its workflows besides matching: decoding the trigger
 * partition it reads on every event (the CPU half of that read; the network half is not here),
 * and building the index, once per warm handler and again after a workflow is saved.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TriggerReadBenchmark {
    @Param({"10000"})
    public int workflows;

    private MatchingWorkload workload;
    private List<String> stored;

    @Setup
    public void setUp() {
        workload = new MatchingWorkload(workflows);
        stored = TriggerPartition.json(workload.workflows());
    }

    /** As the DynamoDB adapter decodes the partition's items, one definition each. */
    @Benchmark
    public void decodePartition(Blackhole sink) {
        for (String json : stored) {
            sink.consume(TriggerPartition.decode(json));
        }
    }

    @Benchmark
    public TriggerIndex build() {
        return TriggerIndex.of(workload.workflows(), workload.schema());
    }
}
