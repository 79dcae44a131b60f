package io.crmflow.local.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Against moto, every test class starts on an empty moto, with a shared stack provisioned
 * afresh ({@link SharedStack#startAfresh}). moto keeps every object it ever made — each copy of a
 * table a transaction took, each message — and grows slower with all of them: a class that takes
 * 40 seconds on a fresh moto took 180 late in the suite. Test classes run one after the other and
 * keep out of each other's tables, so dropping what the classes before made changes no outcome.
 * Registered for every class through {@code META-INF/services}; on the embedded services and on
 * an endpoint that is not moto it does nothing.
 *
 * <p>A class that takes a stack in a field initializer must keep JUnit's instance per method: an
 * instance per class is made before this runs, and would hold the stack of the class before.
 * The classes with an instance per class take their stack in {@code @BeforeAll}.
 */
public final class FreshMotoPerClass implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        // A nested class runs inside its outer one, on the outer one's stack.
        if (context.getRequiredTestClass().getEnclosingClass() == null) {
            SharedStack.startAfresh();
        }
    }
}
