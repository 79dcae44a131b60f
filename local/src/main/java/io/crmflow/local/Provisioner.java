package io.crmflow.local;

import io.crmflow.aws.AwsClients;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DeadLetterConfig;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates the template's queues, event buses and rules, and verifies a sender in SES, through
 * the SDK against whatever endpoints the clients point at: the embedded stack, moto_server or
 * LocalStack. Physical names are the logical ids behind a prefix, so runs with different
 * prefixes do not collide. The table is created by {@link TableProvisioner}; {@link
 * #provisionAll} does both. Thread-safe; re-running with the same prefix finds what exists.
 */
public final class Provisioner {

    private final SqsClient sqs;
    private final EventBridgeClient eventBridge;
    private final SesV2Client ses;

    public Provisioner(SqsClient sqs, EventBridgeClient eventBridge, SesV2Client ses) {
        this.sqs = sqs;
        this.eventBridge = eventBridge;
        this.ses = ses;
    }

    /** Everything: table(s), queues, buses, rules, and the verified sender. */
    public static ProvisionedResources provisionAll(AwsClients clients, SamTemplate template, String prefix,
                                                    String sender) {
        ProvisionedResources resources =
                new Provisioner(clients.sqs(), clients.eventBridge(), clients.ses()).provision(template, prefix, sender);
        TableProvisioner tables = new TableProvisioner(clients.dynamoDb());
        for (TableSpec table : template.tables()) {
            resources = resources.withTable(table.logicalId(), tables.create(table, prefix + table.logicalId()));
        }
        return resources;
    }

    /** Queues (dead-letter queues first), buses, rules with their targets, and the sender identity. */
    public ProvisionedResources provision(SamTemplate template, String prefix, String sender) {
        Map<String, ProvisionedResources.Queue> queues = new QueueCreator(sqs, prefix).createAll(template.queues());
        Map<String, ProvisionedResources.Bus> buses = new LinkedHashMap<>();
        for (String bus : template.eventBuses()) {
            buses.put(bus, createBus(prefix + bus));
        }
        Map<String, String> rules = new LinkedHashMap<>();
        for (RuleSpec rule : template.rules()) {
            rules.put(rule.logicalId(), putRule(rule, prefix + rule.logicalId(), buses, queues));
        }
        verifySender(sender);
        return new ProvisionedResources(Map.of(), buses, queues, rules);
    }

    /**
     * Makes an address or a domain a verified identity, so SES accepts mail from it. Emulators
     * verify at once; real SES would send a confirmation mail first.
     */
    public void verifySender(String identity) {
        try {
            ses.createEmailIdentity(b -> b.emailIdentity(identity));
        } catch (AlreadyExistsException alreadyVerified) {
            // Verifying twice is the same as verifying once.
        }
    }

    private ProvisionedResources.Bus createBus(String name) {
        try {
            return new ProvisionedResources.Bus(name, eventBridge.createEventBus(b -> b.name(name)).eventBusArn());
        } catch (ResourceAlreadyExistsException exists) {
            return new ProvisionedResources.Bus(name, eventBridge.describeEventBus(b -> b.name(name)).arn());
        }
    }

    private String putRule(RuleSpec rule, String name, Map<String, ProvisionedResources.Bus> buses,
                           Map<String, ProvisionedResources.Queue> queues) {
        String bus = rule.eventBusLogicalId().map(id -> buses.get(id).name()).orElse("default");
        PutRuleRequest.Builder request = PutRuleRequest.builder().name(name).eventBusName(bus)
                .state(rule.enabled() ? RuleState.ENABLED : RuleState.DISABLED);
        rule.eventPattern().ifPresent(request::eventPattern);
        rule.scheduleExpression().ifPresent(request::scheduleExpression);
        String ruleArn = eventBridge.putRule(request.build()).ruleArn();
        if (!rule.targets().isEmpty()) {
            List<Target> targets = rule.targets().stream().map(t -> target(rule, t, queues)).toList();
            PutTargetsResponse response = eventBridge.putTargets(b -> b.rule(name).eventBusName(bus).targets(targets));
            if (response.failedEntryCount() > 0) {
                throw new IllegalStateException("targets of rule " + name + " were refused: " + response.failedEntries());
            }
        }
        return ruleArn;
    }

    private static Target target(RuleSpec rule, RuleSpec.Target target, Map<String, ProvisionedResources.Queue> queues) {
        ProvisionedResources.Queue queue = queues.get(target.queueLogicalId());
        if (queue == null) {
            throw new IllegalArgumentException("rule " + rule.logicalId() + " targets " + target.queueLogicalId()
                    + ", which is not a queue of the template; only queue targets run locally");
        }
        Target.Builder builder = Target.builder().id(target.id()).arn(queue.arn());
        target.deadLetterQueueLogicalId().map(queues::get).ifPresent(dlq ->
                builder.deadLetterConfig(DeadLetterConfig.builder().arn(dlq.arn()).build()));
        return builder.build();
    }
}
