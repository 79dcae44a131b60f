package io.crmflow.bench.matching;

import io.crmflow.engine.TriggerIndex;
import io.crmflow.engine.TriggerMatch;
import io.crmflow.engine.TriggeredWorkflows;
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

/**
 * The cost of matching one property-change event against a tenant's workflows on contacts, by
 * the number of workflows: through the trigger index, and by the loop over every workflow it
 * replaced; beside them, the check a warm handler makes before it reuses its index. No I/O: the
 * workflows and the contact are in memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MatchingBenchmark {
    static final String WORKFLOWS = "workflows";

    @Param({"10", "1000", "10000"})
    public int workflows;

    private MatchingWorkload workload;
    private TriggeredWorkflows triggered;
    private TriggerIndex index;

    @Setup
    public void setUp() {
        workload = new MatchingWorkload(workflows);
        index = TriggerIndex.of(workload.workflows(), workload.schema());
        triggered = index.over(workload.workflows());
    }

    /** Index lookup and evaluation of its candidates: the trigger handler's matching. */
    @Benchmark
    public List<TriggerMatch.Entry> indexed() {
        return workload.enrolledThroughIndex(triggered);
    }

    /** Every workflow's trigger evaluated: the trigger handler's matching before the index. */
    @Benchmark
    public List<TriggerMatch.Entry> everyWorkflow() {
        return workload.enrolledByEveryWorkflow();
    }

    /** What a warm handler checks on each event before it reuses its index. */
    @Benchmark
    public boolean cachedIndexFits() {
        return index.fits(workload.workflows(), workload.schema());
    }
}
