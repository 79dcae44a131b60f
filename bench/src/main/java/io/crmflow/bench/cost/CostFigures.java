package io.crmflow.bench.cost;

import io.crmflow.bench.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A {@link CostReport} as the results table's rows: the two targets first, then the figures behind them. */
final class CostFigures {
    static final String INSTRUMENT = "cost";
    static final double MOST_DYNAMODB_REQUESTS_PER_ACTION = 2.0;
    static final double LEAST_RATIO = 10.0;
    private static final String PER_MILLION = "$ per million actions, ";

    private CostFigures() {
    }

    static List<Figure> of(CostReport r) {
        Bill x = r.execution();
        List<Figure> out = new ArrayList<>();
        double dynamo = r.perAction(x.requests(Service.DYNAMODB));
        out.add(Figure.against(INSTRUMENT, "DynamoDB requests per action, trigger event to email (every request of"
                        + " the trigger, step and timer functions, reads and writes, failed ones too)",
                number(dynamo), "≤ 2", dynamo <= MOST_DYNAMODB_REQUESTS_PER_ACTION));
        out.add(Figure.against(INSTRUMENT, "Step Functions Standard's transitions ÷ crmflow's orchestration (all but"
                + " SES delivery), $ per million actions", String.format(Locale.ROOT, "%.1f×", r.ratio()), "≥ 10×",
                r.ratio() >= LEAST_RATIO));
        out.add(context("actions run (enrollments completed × 5) / emails sent / contacts",
                r.actions() + " / " + r.run().emails() + " / " + r.run().contacts()));
        for (Service service : Service.values()) {
            out.add(context("requests per action: " + service.label(), number(r.perAction(x.requests(service)))));
        }
        out.add(context("DynamoDB requests per action, by function", byFunction(r)));
        out.add(context("DynamoDB read / write request units per action",
                number(r.perAction(x.readUnits())) + " / " + number(r.perAction(x.writeUnits()))));
        out.add(context("SQS requests billed / EventBridge events per action",
                number(r.perAction(x.sqsRequests())) + " / " + number(r.perAction(x.events()))));
        out.add(context("Lambda invocations / GB-seconds per action", number(r.perAction(x.invocations())) + " / "
                + String.format(Locale.ROOT, "%.5f", r.perAction(x.gbSeconds()))));
        out.add(context("log bytes ingested per action", number(r.perAction(x.logBytes()))));
        for (Bill.Part part : Bill.Part.values()) {
            out.add(context(PER_MILLION + part.label, dollars(r.perMillionActions(x.dollars(part)))));
        }
        out.add(context(PER_MILLION + "crmflow total", dollars(r.perMillionActions(x.total()))));
        out.add(context(PER_MILLION + "crmflow orchestration (total less SES)",
                dollars(r.perMillionActions(x.orchestration()))));
        out.add(context(PER_MILLION + "Step Functions Standard (one transition per action)",
                dollars(r.stepFunctionsPerMillionActions())));
        out.add(context(PER_MILLION + "Step Functions Standard with the same SES fee",
                dollars(r.stepFunctionsPerMillionActions() + r.perMillionActions(x.dollars(Bill.Part.SES)))));
        Bill c = r.creation();
        double contacts = r.run().contacts();
        out.add(context("creating a contact through the API (context): DynamoDB requests / $ per million contacts",
                number(c.requests(Service.DYNAMODB) / contacts) + " / " + dollars(c.total() / contacts * 1e6)));
        out.add(context("fixed, with no traffic, $ per month: the timer every minute / idle queue polling (estimate)",
                dollars(r.idleTimerDollarsPerMonth()) + " / " + dollars(r.idlePollingDollarsPerMonth())));
        out.add(context("prices", r.prices().source()));
        return out;
    }

    /** Where the target's requests are made, e.g. "TriggerFunction 2.20, StepFunction 1.80". */
    private static String byFunction(CostReport r) {
        Map<String, Long> requests = new TreeMap<>();
        r.run().execution().requests().stream()
                .filter(t -> Service.of(t) == Service.DYNAMODB && Service.madeOnAws(t))
                .forEach(t -> requests.merge(t.key().caller(), t.requests(), Long::sum));
        return String.join(", ", requests.entrySet().stream()
                .map(e -> e.getKey() + " " + number(r.perAction(e.getValue()))).toList());
    }

    private static Figure context(String measure, String value) {
        return Figure.context(INSTRUMENT, measure, value);
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%,.2f", value);
    }

    static String dollars(double value) {
        return String.format(Locale.ROOT, "$%,.2f", value);
    }
}
