package io.crmflow.bench.cost;

import io.crmflow.local.FunctionSpec;
import io.crmflow.local.SamTemplate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What Lambda bills a function's duration by, as the template configures it. */
record FunctionBilling(String function, int memoryMb, String architecture) {

    double gigabytes() {
        return memoryMb / 1024.0;
    }

    /** Every function of the template, by logical id. */
    static Map<String, FunctionBilling> of(SamTemplate template) {
        return template.functions().stream()
                .map(f -> new FunctionBilling(f.logicalId(), f.memorySize(), f.architecture()))
                .collect(Collectors.toMap(FunctionBilling::function, Function.identity()));
    }

    /** The function API Gateway calls: what a CRM's own writes run in. */
    static String apiFunction(SamTemplate template) {
        return template.functions().stream()
                .filter(f -> f.events().stream().anyMatch(e -> e instanceof FunctionSpec.HttpApiSource))
                .map(FunctionSpec::logicalId).findFirst()
                .orElseThrow(() -> new IllegalStateException("the template has no HTTP API function"));
    }

    /** How many functions an SQS queue feeds: each has pollers of its own, which long-poll even when idle. */
    static long queuePollers(SamTemplate template) {
        return template.functions().stream().flatMap(f -> f.events().stream())
                .filter(e -> e instanceof FunctionSpec.SqsSource).count();
    }
}
