package org.chargeflow.platform.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;

/**
 * Makes sure an installation can always be administered, without a well-known password.
 * When {@code camunda.bpm.admin-user.id/password} are configured, Camunda's starter creates that
 * user and this does nothing. Otherwise, when no user is a Camunda administrator (the first start,
 * or every administrator was removed), it creates {@code admin} with a generated password, grants
 * it everything and prints the password this one time.
 */
@Component
public class FirstAdminSetup {

    static final String GENERATED_ADMIN_ID = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstAdminSetup.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final String configuredAdminId;

    public FirstAdminSetup(IdentityService identityService, AuthorizationService authorizationService,
                           @Value("${camunda.bpm.admin-user.id:}") String configuredAdminId) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.configuredAdminId = configuredAdminId;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void createFirstAdminIfNone() {
        if (!configuredAdminId.isBlank()
                || identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0) {
            return;
        }
        String adminId = identityService.createUserQuery().userId(GENERATED_ADMIN_ID).count() == 0
                ? GENERATED_ADMIN_ID : GENERATED_ADMIN_ID + Long.toString(System.nanoTime() % 100_000);
        String password = Secrets.generate(18);
        User admin = identityService.newUser(adminId);
        admin.setFirstName("ChargeFlow");
        admin.setLastName("Administrator");
        admin.setPassword(password);
        identityService.saveUser(admin);
        ensureAdminGroup();
        identityService.createMembership(adminId, Groups.CAMUNDA_ADMIN);
        log.warn("""

                ================================================================================
                 No administrator yet: created the administrator '{}' with the generated password
                     {}
                 It is shown this one time only. Log in at /camunda/app/admin/ and change it
                 (My Profile > Change Password), or set camunda.bpm.admin-user.id/password.
                ================================================================================""",
                adminId, password);
    }

    private void ensureAdminGroup() {
        if (identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
            Group group = identityService.newGroup(Groups.CAMUNDA_ADMIN);
            group.setName("Camunda administrators");
            group.setType(Groups.GROUP_TYPE_SYSTEM);
            identityService.saveGroup(group);
        }
        for (Resource resource : Resources.values()) {
            boolean granted = authorizationService.createAuthorizationQuery()
                    .groupIdIn(Groups.CAMUNDA_ADMIN).resourceType(resource).resourceId(ANY).count() > 0;
            if (!granted) {
                AuthorizationEntity all = new AuthorizationEntity(AUTH_TYPE_GRANT);
                all.setGroupId(Groups.CAMUNDA_ADMIN);
                all.setResource(resource);
                all.setResourceId(ANY);
                all.addPermission(ALL);
                authorizationService.saveAuthorization(all);
            }
        }
    }
}
