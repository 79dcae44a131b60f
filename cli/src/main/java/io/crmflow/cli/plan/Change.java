package io.crmflow.cli.plan;

import io.crmflow.cli.definition.Definition;
import io.crmflow.cli.definition.DefinitionKey;
import java.util.List;

/** What applying a folder does to one definition of the target. */
public sealed interface Change permits Change.Made, Change.Unchanged, Change.OnlyOnTarget {

    DefinitionKey key();

    /** Whether applying changes the target. */
    default boolean changesTarget() {
        return this instanceof Made;
    }

    /** A change applying makes: the definition a file wants saved. */
    sealed interface Made extends Change permits Create, Update {
        Definition wanted();

        @Override
        default DefinitionKey key() {
            return wanted().key();
        }
    }

    /** A file defines it; the target does not have it. */
    record Create(Definition wanted) implements Made {
    }

    /**
     * The file says otherwise than the target.
     *
     * @param pointers where, in the file's terms; {@code /publish} for a journey to publish
     */
    record Update(Definition wanted, Definition current, List<String> pointers) implements Made {
        public Update {
            pointers = List.copyOf(pointers);
        }

        /** Whether the definition itself changes, not only whether a journey is published. */
        public boolean bodyChanges() {
            return !wanted.body().equals(current.body());
        }
    }

    record Unchanged(Definition wanted) implements Change {
        @Override
        public DefinitionKey key() {
            return wanted.key();
        }
    }

    /** The target has it and no file does. Applying leaves it alone: a folder never deletes. */
    record OnlyOnTarget(Definition current) implements Change {
        @Override
        public DefinitionKey key() {
            return current.key();
        }
    }
}
