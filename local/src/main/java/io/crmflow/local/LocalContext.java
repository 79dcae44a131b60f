package io.crmflow.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The Lambda {@link Context} of one local invocation: a fresh request id, the function's name
 * and ARN, the time left before the function's timeout, and a logger that writes to standard
 * error with the request id, as the Lambda runtime does in CloudWatch. Immutable; create one per
 * invocation with {@link #forInvocation}.
 */
public final class LocalContext implements Context {

    private final String functionName;
    private final String region;
    private final String accountId;
    private final int memoryMb;
    private final Instant deadline;
    private final Clock clock;
    private final String requestId = UUID.randomUUID().toString();
    private final LambdaLogger logger;

    private LocalContext(String functionName, String region, String accountId, int memoryMb, Duration timeout,
                         Clock clock) {
        this.functionName = functionName;
        this.region = region;
        this.accountId = accountId;
        this.memoryMb = memoryMb;
        this.clock = clock;
        this.deadline = clock.instant().plus(timeout);
        this.logger = new StandardErrorLogger(requestId);
    }

    /** A context for an invocation starting now on {@code clock}, with the function's timeout. */
    public static LocalContext forInvocation(String functionName, String region, String accountId, int memoryMb,
                                             Duration timeout, Clock clock) {
        return new LocalContext(functionName, region, accountId, memoryMb, timeout, clock);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local/" + functionName;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    /** Writes whole lines, so that concurrent invocations do not interleave within a line. */
    private record StandardErrorLogger(String requestId) implements LambdaLogger {
        @Override
        public void log(String message) {
            System.err.println(requestId + " " + message);
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}
