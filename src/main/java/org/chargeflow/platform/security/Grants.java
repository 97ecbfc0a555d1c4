package org.chargeflow.platform.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;

/**
 * Camunda authorizations written at startup, each at most once. Camunda allows one GRANT row per
 * group, resource type and resource id; when that row exists it is left exactly as an administrator
 * may have edited it in the Admin app.
 */
@Component
public class Grants {

    private final AuthorizationService authorizations;

    public Grants(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    /** Grants the permissions to the group unless the group already has a grant on that resource. */
    public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        boolean exists = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).count() > 0;
        if (exists) {
            return;
        }
        Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        grant.setGroupId(groupId);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        for (Permission permission : permissions) {
            grant.addPermission(permission);
        }
        authorizations.saveAuthorization(grant);
    }

    /**
     * Adds the permissions to the group's existing grant on that resource (none: nothing), for rights a
     * newer version needs on a row an older one wrote.
     */
    public void addToExisting(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization grant = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        if (grant == null) {
            return;
        }
        for (Permission permission : permissions) {
            grant.addPermission(permission);
        }
        authorizations.saveAuthorization(grant);
    }

    /** Everything on every resource, as Camunda gives its camunda-admin group. */
    public void grantEverything(String groupId) {
        for (Resource resource : Resources.values()) {
            grant(groupId, resource, ANY, ALL);
        }
    }
}
