package io.crmflow.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sesv2.model.GetEmailIdentityResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R-RUN-3 Provisioner creates queues, bus, rules and sender over the SDK (embedded)")
class ProvisionerTest {

    @TempDir
    static Path mail;
    static EmbeddedMessaging stack;
    static ProvisionedResources resources;
    static final String PREFIX = Fixtures.uniquePrefix();

    @BeforeAll
    static void provision() {
        stack = new EmbeddedMessaging(mail);
        resources = stack.provisioner().provision(Fixtures.template(), PREFIX, "no-reply@crmflow.test");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void queues_areCreatedWithPrefixAndRedrivePolicyNamingTheDeadLetterQueueArn() {
        assertThat(resources.queues()).containsOnlyKeys("TriggerQueue", "TriggerDeadLetterQueue", "StepQueue",
                "StepDeadLetterQueue", "EventsDeadLetterQueue");
        ProvisionedResources.Queue trigger = resources.queue("TriggerQueue");
        assertThat(trigger.name()).isEqualTo(PREFIX + "TriggerQueue");
        assertThat(trigger.arn()).endsWith(":" + PREFIX + "TriggerQueue");

        Map<QueueAttributeName, String> attributes = stack.sqs.getQueueAttributes(b -> b.queueUrl(trigger.url())
                .attributeNames(QueueAttributeName.ALL)).attributes();
        assertThat(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("180");
        assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY))
                .contains(resources.queueArn("TriggerDeadLetterQueue")).contains("5");
    }

    @Test
    void rule_isOnTheBusWithPatternAndQueueTargetWithDeadLetterConfig() {
        String bus = resources.eventBusName();
        assertThat(bus).isEqualTo(PREFIX + "EventBus");
        DescribeRuleResponse rule = stack.eventBridge.describeRule(b -> b.name(PREFIX + "CrmEventsRule").eventBusName(bus));
        assertThat(rule.state()).isEqualTo(RuleState.ENABLED);
        assertThat(rule.eventPattern()).isEqualTo("{\"source\":[\"crmflow\"],\"detail-type\":[{\"prefix\":\"crm.\"}]}");
        assertThat(rule.arn()).isEqualTo(resources.ruleArns().get("CrmEventsRule"));

        Target target = stack.eventBridge.listTargetsByRule(b -> b.rule(PREFIX + "CrmEventsRule").eventBusName(bus))
                .targets().get(0);
        assertThat(target.id()).isEqualTo("TriggerQueue");
        assertThat(target.arn()).isEqualTo(resources.queueArn("TriggerQueue"));
        assertThat(target.deadLetterConfig().arn()).isEqualTo(resources.queueArn("EventsDeadLetterQueue"));
    }

    @Test
    void sender_isAVerifiedIdentity() {
        GetEmailIdentityResponse identity = stack.ses.getEmailIdentity(b -> b.emailIdentity("no-reply@crmflow.test"));
        assertThat(identity.verifiedForSendingStatus()).isTrue();
    }

    @Test
    void provisioningAgain_findsWhatExists() {
        ProvisionedResources again = stack.provisioner().provision(Fixtures.template(), PREFIX, "no-reply@crmflow.test");

        assertThat(again).isEqualTo(resources);
    }

    @Test
    void templateReferences_resolveToWhatWasProvisioned() {
        FunctionSpec step = Fixtures.template().function("StepFunction");

        assertThat(resources.resolve(step.environment().get("CRMFLOW_STEP_QUEUE_URL"))).isEqualTo(resources.queueUrl("StepQueue"));
        assertThat(resources.resolve(step.environment().get("CRMFLOW_EVENT_BUS"))).isEqualTo(PREFIX + "EventBus");
        assertThat(resources.resolve(step.environment().get("CRMFLOW_STEP_DLQ_ARN")))
                .isEqualTo(resources.queueArn("StepDeadLetterQueue"));
    }
}
