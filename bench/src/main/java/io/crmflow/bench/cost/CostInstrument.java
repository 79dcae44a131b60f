package io.crmflow.bench.cost;

import io.crmflow.bench.Figure;
import io.crmflow.bench.Instrument;
import io.crmflow.bench.Size;
import io.crmflow.local.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Cost per million actions: the reference workflow run for many contacts through the real
 * handlers on the local stack, every request to DynamoDB, SQS, EventBridge and SES counted
 * and every invocation timed, priced at {@link Prices#US_EAST_1}, next to Step Functions
 * Standard's price per state transition. Also writes the request profile
 * ({@link CostProfile}) to {@code target/cost/profile.md}.
 */
public final class CostInstrument implements Instrument {
    static final Path TEMPLATE = Path.of("..", "template.yaml");
    private static final Path WORK = Path.of("target", "cost");

    @Override
    public String name() {
        return CostFigures.INSTRUMENT;
    }

    @Override
    public List<Figure> run(Size size) throws IOException {
        CostReport report = measure(size);
        String profile = CostProfile.markdown(report);
        System.out.println(profile);
        Files.writeString(WORK.resolve("profile.md"), profile);
        return CostFigures.of(report);
    }

    /** Runs the reference workflow at {@code size} and prices what it counted. */
    static CostReport measure(Size size) throws IOException {
        Files.createDirectories(WORK);
        SamTemplate template = SamTemplate.load(TEMPLATE);
        RunCounts counts = ReferenceRun.run(contacts(size), TEMPLATE, FunctionBilling.apiFunction(template), WORK);
        return CostReport.of(counts, Prices.US_EAST_1, FunctionBilling.of(template),
                FunctionBilling.queuePollers(template));
    }

    /**
     * Two hundred and fifty contacts make 1,250 actions. Per action, the figures hardly move with
     * the size (2.63 DynamoDB requests per action at 500 and at 1,000, 2.64 at 250, on the same
     * code): every request costs DynamoDB Local a few milliseconds of CPU, and the minutes a
     * larger run would take are the load's. Twenty prove the instrument works.
     */
    static int contacts(Size size) {
        return size == Size.FULL ? 250 : 20;
    }
}
