package org.chargeflow.platform.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure an installation can always be administered, without a well-known password.
 * When {@code camunda.bpm.admin-user.id/password} are configured, Camunda's starter creates that
 * user and this does nothing. Otherwise, when no user is an administrator (in camunda-admin or admins: the first start,
 * or every administrator was removed), it creates {@code admin} with a generated password, makes it
 * a member of camunda-admin and of ChargeFlow's {@link Roles#ADMINS} (created just before by
 * {@link GroupsAndRights}) and prints the password this one time.
 */
@Component
public class FirstAdminSetup {

    static final String GENERATED_ADMIN_ID = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstAdminSetup.class);

    private final IdentityService identityService;
    private final Grants grants;
    private final String configuredAdminId;

    public FirstAdminSetup(IdentityService identityService, Grants grants,
                           @Value("${camunda.bpm.admin-user.id:}") String configuredAdminId) {
        this.identityService = identityService;
        this.grants = grants;
        this.configuredAdminId = configuredAdminId;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void createFirstAdminIfNone() {
        if (!configuredAdminId.isBlank() || hasMembers(Groups.CAMUNDA_ADMIN) || hasMembers(Roles.ADMINS)) {
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
        identityService.createMembership(adminId, Roles.ADMINS);
        log.warn("""

                ================================================================================
                 No administrator yet: created the administrator '{}' with the generated password
                     {}
                 It is shown this one time only. Log in at /camunda/app/admin/ and change it
                 (My Profile > Change Password), or set camunda.bpm.admin-user.id/password.
                ================================================================================""",
                adminId, password);
    }

    private boolean hasMembers(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).count() > 0;
    }

    private void ensureAdminGroup() {
        if (identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
            Group group = identityService.newGroup(Groups.CAMUNDA_ADMIN);
            group.setName("Camunda administrators");
            group.setType(Groups.GROUP_TYPE_SYSTEM);
            identityService.saveGroup(group);
        }
        grants.grantEverything(Groups.CAMUNDA_ADMIN);
    }
}
