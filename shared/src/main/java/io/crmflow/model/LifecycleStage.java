package io.crmflow.model;

import java.util.Arrays;
import java.util.function.Function;

/** Contact and company lifecycle stages (R-OBJ-4), in their funnel order. */
public enum LifecycleStage {
    SUBSCRIBER("subscriber"),
    LEAD("lead"),
    MARKETING_QUALIFIED_LEAD("marketingqualifiedlead"),
    SALES_QUALIFIED_LEAD("salesqualifiedlead"),
    OPPORTUNITY("opportunity"),
    CUSTOMER("customer"),
    EVANGELIST("evangelist"),
    OTHER("other");

    /** The property name that holds the stage on contacts and companies. */
    public static final String PROPERTY = "lifecyclestage";

    private final String internalName;

    LifecycleStage(String internalName) {
        this.internalName = internalName;
    }

    /** The value stored in {@code lifecyclestage}. */
    public String internalName() {
        return internalName;
    }

    static String[] values(Function<LifecycleStage, String> f) {
        return Arrays.stream(values()).map(f).toArray(String[]::new);
    }
}
