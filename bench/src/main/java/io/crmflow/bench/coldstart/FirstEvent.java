package io.crmflow.bench.coldstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.FileInputStream;
import java.io.InputStream;

/**
 * The main of a function's own process: builds the handler as the Lambda runtime does (its
 * no-argument constructor), reads one event as the runtime does (the runtime's own
 * serializers), handles it, and says so on standard output. The parent times the process from
 * its start to that line.
 *
 * <pre>FirstEvent HANDLER_CLASS EVENT_CLASS EVENT_FILE [primed]</pre>
 *
 * With {@code primed}, the handler's priming runs before the event, as it runs before a
 * SnapStart snapshot: the first event then costs what it costs after a restore.
 */
public final class FirstEvent {
    /** The line that tells the parent the first event was handled, followed by the phases in nanoseconds: built, primed, handled. */
    public static final String HANDLED = "HANDLED";

    /** The line after it: the handler's answer, as the runtime would return it. */
    public static final String RESULT = "RESULT";

    private FirstEvent() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String answer(Object result, ClassLoader loader) {
        if (result == null) {
            return "null";
        }
        var out = new java.io.ByteArrayOutputStream();
        LambdaEventSerializers.serializerFor((Class) result.getClass(), loader).toJson(result, out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8).replace('\n', ' ');
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        ClassLoader loader = FirstEvent.class.getClassLoader();
        RequestHandler handler = (RequestHandler) Class.forName(args[0], true, loader).getConstructor().newInstance();
        long built = System.nanoTime();
        if (args.length > 3 && args[3].equals("primed")) {
            io.crmflow.functions.common.Priming.primeNow();
        }
        long primed = System.nanoTime();
        Class<?> eventType = Class.forName(args[1], true, loader);
        Object event;
        try (InputStream in = new FileInputStream(args[2])) {
            event = LambdaEventSerializers.serializerFor(eventType, loader).fromJson(in);
        }
        Object result = handler.handleRequest(event, new FirstEventContext(args[0]));
        long handled = System.nanoTime();
        System.out.println(HANDLED + " " + (built - start) + " " + (primed - built) + " " + (handled - primed));
        System.out.flush();
        // After the line the parent times by, so that writing the answer costs the start-up nothing.
        System.out.println(RESULT + " " + answer(result, loader));
        System.out.flush();
    }
}
