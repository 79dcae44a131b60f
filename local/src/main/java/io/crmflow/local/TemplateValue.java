package io.crmflow.local;

import java.util.Objects;

/**
 * A property value of a template as written: either a literal or a reference to another
 * resource ({@code !Ref X}, {@code !GetAtt X.Arn}, or a {@code !Sub} that is exactly one
 * {@code ${X}} / {@code ${X.Arn}}). References are resolved against what was provisioned by
 * {@link ProvisionedResources#resolve(TemplateValue)}. Immutable.
 */
public sealed interface TemplateValue {

    /** A value given in the template itself; a {@code !Sub} with more than one part stays as written. */
    record Literal(String text) implements TemplateValue {
        public Literal {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A reference to a resource of the same template.
     *
     * @param attribute the {@code GetAtt} attribute (e.g. {@code Arn}), or null for a {@code Ref}
     */
    record Reference(String logicalId, String attribute) implements TemplateValue {
        public Reference {
            Objects.requireNonNull(logicalId, "logicalId");
        }
    }

    /** The logical id this value names: the referenced resource, or the literal itself. */
    default String logicalId() {
        return this instanceof Reference reference ? reference.logicalId() : ((Literal) this).text();
    }
}
