package io.crmflow.local;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("LocalContext gives handlers what Lambda's context gives them")
class LocalContextTest {

    @Test
    void remainingTime_countsDownOnTheClockAndStopsAtZero() {
        SettableClock clock = new SettableClock(Instant.parse("2025-01-01T00:00:00Z"));
        LocalContext context = LocalContext.forInvocation("StepFunction", "eu-west-1", "000000000000", 1024,
                Duration.ofSeconds(30), clock);

        assertThat(context.getRemainingTimeInMillis()).isEqualTo(30_000);
        clock.advance(Duration.ofSeconds(10));
        assertThat(context.getRemainingTimeInMillis()).isEqualTo(20_000);
        clock.advance(Duration.ofSeconds(60));
        assertThat(context.getRemainingTimeInMillis()).isZero();
    }

    @Test
    void identity_namesTheFunctionAndAFreshRequest() {
        LocalContext one = LocalContext.forInvocation("StepFunction", "eu-west-1", "000000000000", 1024,
                Duration.ofSeconds(30), Clock.systemUTC());
        LocalContext two = LocalContext.forInvocation("StepFunction", "eu-west-1", "000000000000", 1024,
                Duration.ofSeconds(30), Clock.systemUTC());

        assertThat(one.getFunctionName()).isEqualTo("StepFunction");
        assertThat(one.getInvokedFunctionArn()).isEqualTo("arn:aws:lambda:eu-west-1:000000000000:function:StepFunction");
        assertThat(one.getMemoryLimitInMB()).isEqualTo(1024);
        assertThat(one.getLogGroupName()).isEqualTo("/aws/lambda/StepFunction");
        assertThat(one.getAwsRequestId()).isNotEqualTo(two.getAwsRequestId());
        one.getLogger().log("logged through the context");
    }
}
