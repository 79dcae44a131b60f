package io.crmflow.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The workflow the throughput, cost and load instruments all run, as the API takes it: branch on
 * a property, set a property, create a task, wait one day, send an email. Contacts whose
 * lifecycle stage is lead or customer enroll; customers and the others take different branches.
 */
public final class ReferenceWorkflow {
    /** The actions one enrollment runs: the branch, one of the two set-property, task, delay, email. */
    public static final int ACTIONS_PER_ENROLLMENT = 5;

    private ReferenceWorkflow() {
    }

    /** The body of {@code PUT /workflows/{id}}. */
    public static String json() {
        try (InputStream in = ReferenceWorkflow.class.getResourceAsStream("reference-workflow.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
