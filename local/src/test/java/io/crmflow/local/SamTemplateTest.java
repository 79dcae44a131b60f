package io.crmflow.local;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("R-RUN-4 SamTemplate reads the resources the local stack provisions")
class SamTemplateTest {

    private final SamTemplate template = Fixtures.template();

    @Test
    void table_becomesCreateTableRequestWithIndexesAndTtl() {
        TableSpec table = template.table();
        CreateTableRequest request = table.createTableRequest("crmflow-local-CrmTable");

        assertThat(table.logicalId()).isEqualTo("CrmTable");
        assertThat(request.tableName()).isEqualTo("crmflow-local-CrmTable");
        assertThat(request.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(request.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
                .containsExactly("pk:" + KeyType.HASH, "sk:" + KeyType.RANGE);
        assertThat(request.attributeDefinitions()).extracting(a -> a.attributeName() + ":" + a.attributeTypeAsString())
                .containsExactly("pk:S", "sk:S", "gsi1pk:S", "gsi1sk:S", "duePk:S", "dueSk:S");
        assertThat(request.globalSecondaryIndexes()).extracting(GlobalSecondaryIndex::indexName).containsExactly("gsi1", "due");
        GlobalSecondaryIndex due = request.globalSecondaryIndexes().get(1);
        assertThat(due.keySchema()).extracting(k -> k.attributeName()).containsExactly("duePk", "dueSk");
        assertThat(due.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        assertThat(request.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(table.timeToLiveAttribute()).contains("expiresAt");
    }

    @Test
    void queues_keepRedriveTargetsByLogicalIdInBothGetAttForms() {
        assertThat(template.queues()).extracting(QueueSpec::logicalId).containsExactly("TriggerQueue",
                "TriggerDeadLetterQueue", "StepQueue", "StepDeadLetterQueue", "EventsDeadLetterQueue");
        QueueSpec trigger = template.queue("TriggerQueue").orElseThrow();
        assertThat(trigger.redrive()).contains(new QueueSpec.Redrive("TriggerDeadLetterQueue", 5));
        assertThat(trigger.visibilityTimeoutSeconds()).isEqualTo(OptionalInt.of(180));
        // The fixture writes this one as !GetAtt [StepDeadLetterQueue, Arn].
        assertThat(template.queue("StepQueue").orElseThrow().redrive())
                .contains(new QueueSpec.Redrive("StepDeadLetterQueue", 5));
        assertThat(template.queue("EventsDeadLetterQueue").orElseThrow().redrive()).isEmpty();
        assertThat(template.queue("TriggerDeadLetterQueue").orElseThrow().attributes())
                .containsEntry("MessageRetentionPeriod", "1209600");
    }

    @Test
    void busAndRule_keepPatternAsJsonAndTargetsByLogicalId() {
        assertThat(template.eventBuses()).containsExactly("EventBus");
        RuleSpec rule = template.rules().get(0);
        assertThat(rule.logicalId()).isEqualTo("CrmEventsRule");
        assertThat(rule.eventBusLogicalId()).contains("EventBus");
        assertThat(rule.eventPattern()).contains("{\"source\":[\"crmflow\"],\"detail-type\":[{\"prefix\":\"crm.\"}]}");
        assertThat(rule.enabled()).isTrue();
        assertThat(rule.targets()).containsExactly(
                new RuleSpec.Target("TriggerQueue", "TriggerQueue", Optional.of("EventsDeadLetterQueue")));
    }

    @Test
    void functions_haveHandlersEventSourcesAndEnvironmentWithGlobals() {
        assertThat(template.functions()).extracting(FunctionSpec::logicalId)
                .containsExactly("TriggerFunction", "StepFunction", "TimerFunction", "ApiFunction");
        FunctionSpec trigger = template.function("TriggerFunction");
        assertThat(trigger.handler()).isEqualTo("io.crmflow.fixture.TriggerHandler::handleRequest");
        assertThat(trigger.events()).containsExactly(new FunctionSpec.SqsSource("Triggers", "TriggerQueue", 10, true));
        assertThat(template.function("StepFunction").events())
                .containsExactly(new FunctionSpec.SqsSource("Steps", "StepQueue", 5, true));
        FunctionSpec timer = template.function("TimerFunction");
        assertThat(timer.handler()).isEqualTo("io.crmflow.fixture.DefaultHandler::handleRequest");
        assertThat(timer.events()).containsExactly(new FunctionSpec.ScheduleSource("EveryMinute", "rate(1 minute)", true));
        assertThat(template.function("ApiFunction").events())
                .containsExactly(new FunctionSpec.HttpApiSource("Api", Optional.empty(), Optional.empty()));

        FunctionSpec step = template.function("StepFunction");
        assertThat(step.environment())
                .containsEntry("CRMFLOW_TABLE", new TemplateValue.Reference("CrmTable", null))
                .containsEntry("CRMFLOW_STEP_QUEUE_URL", new TemplateValue.Reference("StepQueue", null))
                .containsEntry("CRMFLOW_MAIL_FROM", new TemplateValue.Literal("no-reply@crmflow.test"))
                .containsEntry("CRMFLOW_STEP_DLQ_ARN", new TemplateValue.Reference("StepDeadLetterQueue", "Arn"));
    }

    @Test
    void memoryAndArchitecture_comeFromTheFunctionThenTheGlobalsThenLambdasDefaults() {
        SamTemplate parsed = SamTemplate.parse("""
                Globals:
                  Function:
                    MemorySize: 1024
                    Architectures: [arm64]
                Resources:
                  FromGlobals:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handle
                  OwnSettings:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handle
                      MemorySize: 512
                      Architectures: [x86_64]
                """);
        SamTemplate bare = SamTemplate.parse("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handle
                """);

        assertThat(parsed.function("FromGlobals")).extracting(FunctionSpec::memorySize, FunctionSpec::architecture)
                .containsExactly(1024, "arm64");
        assertThat(parsed.function("OwnSettings")).extracting(FunctionSpec::memorySize, FunctionSpec::architecture)
                .containsExactly(512, "x86_64");
        assertThat(bare.function("Fn")).extracting(FunctionSpec::memorySize, FunctionSpec::architecture)
                .containsExactly(128, "x86_64");
    }

    @Test
    void shortFormTags_areKeptApartFromLiteralsThatLookLikeThem() {
        SamTemplate parsed = SamTemplate.parse("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handle
                      Environment:
                        Variables:
                          LITERAL_DOTTED: Queue.Arn
                          GETATT: !GetAtt Queue.Arn
                          SUB_SINGLE: !Sub '${Queue.Arn}'
                          SUB_MIXED: !Sub 'arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:q'
                          SUB_LIST: !Sub ['${Name}-x', {Name: !Ref Queue}]
                  Queue:
                    Type: AWS::SQS::Queue
                """);

        assertThat(parsed.function("Fn").environment())
                .containsEntry("LITERAL_DOTTED", new TemplateValue.Literal("Queue.Arn"))
                .containsEntry("GETATT", new TemplateValue.Reference("Queue", "Arn"))
                .containsEntry("SUB_SINGLE", new TemplateValue.Reference("Queue", "Arn"))
                .containsEntry("SUB_MIXED", new TemplateValue.Literal("arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:q"))
                .containsEntry("SUB_LIST", new TemplateValue.Literal("${Name}-x"));
    }

    @Test
    void eventPatternGivenAsJsonString_isReadToo() {
        SamTemplate parsed = SamTemplate.parse("""
                Resources:
                  Rule:
                    Type: AWS::Events::Rule
                    Properties:
                      EventPattern: '{"source": ["x"]}'
                      Targets: [{Arn: !GetAtt Q.Arn, Id: q}]
                """);

        assertThat(parsed.rules().get(0).eventPattern()).contains("{\"source\":[\"x\"]}");
        assertThat(parsed.rules().get(0).eventBusLogicalId()).isEmpty();
    }

    @Test
    void ruleOnABusOutsideTheTemplate_isRefused() {
        assertThatThrownBy(() -> SamTemplate.parse("""
                Resources:
                  Rule:
                    Type: AWS::Events::Rule
                    Properties:
                      EventBusName: !Ref Missing
                      EventPattern: {source: [x]}
                """)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Missing");
    }
}
