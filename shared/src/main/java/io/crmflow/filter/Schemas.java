package io.crmflow.filter;

import io.crmflow.model.ObjectType;
import java.util.Optional;

/** Looks up what a filter refers to when it is validated: schemas and lists of one tenant. */
public interface Schemas {

    Optional<ObjectType> objectType(String name);

    boolean listExists(String listId);

    boolean workflowExists(String workflowId);
}
