package org.chargeflow.platform.security;

import java.security.Principal;
import java.util.List;

/** A Camunda user who proved who they are, with the groups that decide what they may do. */
public record AuthenticatedUser(String id, List<String> groupIds) implements Principal {

    public AuthenticatedUser {
        groupIds = List.copyOf(groupIds);
    }

    @Override
    public String getName() {
        return id;
    }

    public boolean isMemberOf(String groupId) {
        return groupIds.contains(groupId);
    }

    /** Operators and administrators may change things through our API; analysts only read. */
    public boolean mayChange() {
        return isMemberOf(Groups.OPERATORS) || isMemberOf(Groups.ADMINS) || isMemberOf(Groups.CAMUNDA_ADMIN);
    }
}
