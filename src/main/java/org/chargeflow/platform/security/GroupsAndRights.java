package org.chargeflow.platform.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.SystemPermissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Resources.*;
import static org.chargeflow.platform.security.Roles.ADMINS;
import static org.chargeflow.platform.security.Roles.ANALYSTS;
import static org.chargeflow.platform.security.Roles.OPERATORS;

/**
 * Creates the groups {@link Roles#OPERATORS}, {@link Roles#ANALYSTS} and {@link Roles#ADMINS} and
 * their Camunda authorizations at startup, each only if missing, so a restart duplicates nothing and
 * keeps what an administrator changed. Runs before {@link FirstAdminSetup}, which puts a generated
 * administrator into {@code admins}.
 */
@Component
public class GroupsAndRights {

    /**
     * Processes operators start. Authorizations name a process by key, so the ones still being built
     * elsewhere (registering a charger, adding a vehicle) are granted before they are deployed.
     */
    private static final String SESSION_PROCESS = "charging-session";
    private static final List<String> OPERATOR_PROCESSES = List.of(SESSION_PROCESS, "charger-reset", "register-charger", "add-vehicle");

    private final IdentityService identityService;
    private final Grants grants;
    private final String configuredAdminId;

    public GroupsAndRights(IdentityService identityService, Grants grants,
                           @Value("${camunda.bpm.admin-user.id:}") String configuredAdminId) {
        this.identityService = identityService;
        this.grants = grants;
        this.configuredAdminId = configuredAdminId;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(-10)
    public void ensureGroupsAndRights() {
        boolean adminsCreated = ensureGroup(ADMINS, "Administrators", Groups.GROUP_TYPE_SYSTEM);
        ensureGroup(OPERATORS, "Charging operators", Groups.GROUP_TYPE_WORKFLOW);
        ensureGroup(ANALYSTS, "Process analysts", Groups.GROUP_TYPE_WORKFLOW);
        grantOperators();
        grantAnalysts();
        grants.grantEverything(ADMINS);
        // Like Camunda's starter with camunda-admin: the configured administrator joins once, when the
        // group appears; removing them later in the Admin app sticks.
        if (adminsCreated && !configuredAdminId.isBlank()
                && identityService.createUserQuery().userId(configuredAdminId).count() > 0) {
            identityService.createMembership(configuredAdminId, ADMINS);
        }
    }

    /**
     * Tasklist, and starting and following the charging processes. Reading the instances lets task cards
     * and forms show their variables. The charging sessions' tasks (all for candidate group
     * {@code operators}) are seen and worked through the grant on their process, so that Camunda need
     * not write a grant row per task (see {@link TaskRightsFromProcessGrants}). Other processes' tasks
     * keep Camunda's per-task grant for their candidate group.
     */
    private void grantOperators() {
        grants.grant(OPERATORS, APPLICATION, "tasklist", Permissions.ACCESS);
        grants.grant(OPERATORS, PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
        for (String key : OPERATOR_PROCESSES) {
            List<Permission> rights = new ArrayList<>(List.of(ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY));
            if (key.equals(SESSION_PROCESS)) {
                rights.addAll(List.of(ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK));
            }
            grants.grant(OPERATORS, PROCESS_DEFINITION, key, rights.toArray(Permission[]::new));
        }
    }

    /** Cockpit, reading everything, and retrying a failed step (an incident); no start, no task work. */
    private void grantAnalysts() {
        grants.grant(ANALYSTS, APPLICATION, "cockpit", Permissions.ACCESS);
        grants.grant(ANALYSTS, PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.RETRY_JOB);
        grants.grant(ANALYSTS, PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ, ProcessInstancePermissions.RETRY_JOB);
        grants.grant(ANALYSTS, TASK, ANY, TaskPermissions.READ, TaskPermissions.READ_HISTORY);
        grants.grant(ANALYSTS, DEPLOYMENT, ANY, Permissions.READ);
        grants.grant(ANALYSTS, DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grants.grant(ANALYSTS, DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grants.grant(ANALYSTS, BATCH, ANY, BatchPermissions.READ, BatchPermissions.READ_HISTORY);
        grants.grant(ANALYSTS, OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
        grants.grant(ANALYSTS, SYSTEM, ANY, SystemPermissions.READ);
    }

    /** True if the group was created now. */
    private boolean ensureGroup(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() > 0) {
            return false;
        }
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType(type);
        identityService.saveGroup(group);
        return true;
    }
}
