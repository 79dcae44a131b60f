package io.crmflow.local;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("LocalContext gives handlers what Lambda's context gives them")
class LocalContextTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void remainingTime_countsDownOnTheClockAndStopsAtZero() {
        ManualClock clock = new ManualClock();
        LocalContext context = LocalContext.forInvocation("StepFunction", "eu-west-1", "000000000000", 1024,
                Duration.ofSeconds(30), clock);

        assertThat(context.getRemainingTimeInMillis()).isEqualTo(30_000);
        clock.now = clock.now.plusSeconds(10);
        assertThat(context.getRemainingTimeInMillis()).isEqualTo(20_000);
        clock.now = clock.now.plusSeconds(60);
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
