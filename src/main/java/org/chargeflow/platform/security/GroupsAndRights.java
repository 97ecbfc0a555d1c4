package org.chargeflow.platform.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
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
    private static final String REGISTER_CHARGER_PROCESS = "register-charger";
    private static final List<String> OPERATOR_PROCESSES = List.of(SESSION_PROCESS, "charger-reset", REGISTER_CHARGER_PROCESS, "add-vehicle");
    /**
     * Processes whose running instances' variables operators and analysts read. Not "register-charger":
     * its instance holds a charger's one-time password, read only through its task by the operator who
     * registered the charger (Camunda's grant to the task's assignee). Its history holds no secret
     * ({@code VariablesKeptOutOfHistory}), so history variables are readable everywhere.
     */
    private static final List<String> PROCESSES_WITH_READABLE_VARIABLES =
            OPERATOR_PROCESSES.stream().filter(key -> !key.equals(REGISTER_CHARGER_PROCESS)).toList();

    /**
     * Engine property set once the grants hold the variable rights. An installation from before them has
     * the grant rows without those rights: they are added to its rows once, and later edits stay.
     */
    static final String VARIABLE_RIGHTS_GRANTED = "chargeflow.variable-rights-granted";

    private final IdentityService identityService;
    private final ManagementService management;
    private final Grants grants;
    private final String configuredAdminId;

    public GroupsAndRights(IdentityService identityService, ManagementService management, Grants grants,
                           @Value("${camunda.bpm.admin-user.id:}") String configuredAdminId) {
        this.identityService = identityService;
        this.management = management;
        this.grants = grants;
        this.configuredAdminId = configuredAdminId;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(-10)
    public void ensureGroupsAndRights() {
        boolean adminsCreated = ensureGroup(ADMINS, "Administrators", Groups.GROUP_TYPE_SYSTEM);
        ensureGroup(OPERATORS, "Charging operators", Groups.GROUP_TYPE_WORKFLOW);
        ensureGroup(ANALYSTS, "Process analysts", Groups.GROUP_TYPE_WORKFLOW);
        boolean addVariableRights = !management.getProperties().containsKey(VARIABLE_RIGHTS_GRANTED);
        grantOperators(addVariableRights);
        grantAnalysts(addVariableRights);
        grants.grantEverything(ADMINS);
        if (addVariableRights) {
            management.setProperty(VARIABLE_RIGHTS_GRANTED, "true");
        }
        // Like Camunda's starter with camunda-admin: the configured administrator joins once, when the
        // group appears; removing them later in the Admin app sticks.
        if (adminsCreated && !configuredAdminId.isBlank()
                && identityService.createUserQuery().userId(configuredAdminId).count() > 0) {
            identityService.createMembership(configuredAdminId, ADMINS);
        }
    }

    /**
     * Tasklist, and starting and following the charging processes. Reading the instances' variables lets
     * task cards show them. The charging sessions' tasks (all for candidate group {@code operators}) are
     * seen and worked, their forms filled from the variables, through the grant on their process, so that
     * Camunda need not write a grant row per task (see {@link TaskRightsFromProcessGrants}). Other
     * processes' tasks keep Camunda's per-task grant for their candidate group or assignee.
     */
    private void grantOperators(boolean addVariableRights) {
        grants.grant(OPERATORS, APPLICATION, "tasklist", Permissions.ACCESS);
        grants.grant(OPERATORS, PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
        for (String key : OPERATOR_PROCESSES) {
            List<Permission> rights = new ArrayList<>(List.of(ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY));
            List<Permission> variableRights = new ArrayList<>(List.of(ProcessDefinitionPermissions.READ_HISTORY_VARIABLE));
            if (PROCESSES_WITH_READABLE_VARIABLES.contains(key)) {
                variableRights.add(ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE);
            }
            if (key.equals(SESSION_PROCESS)) {
                rights.addAll(List.of(ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK));
                variableRights.add(ProcessDefinitionPermissions.READ_TASK_VARIABLE);
            }
            rights.addAll(variableRights);
            grantWithVariableRights(OPERATORS, key, rights, variableRights, addVariableRights);
        }
    }

    /** Cockpit, reading everything, and retrying a failed step (an incident); no start, no task work. */
    private void grantAnalysts(boolean addVariableRights) {
        grants.grant(ANALYSTS, APPLICATION, "cockpit", Permissions.ACCESS);
        grantWithVariableRights(ANALYSTS, ANY, List.of(ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_HISTORY_VARIABLE, ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.RETRY_JOB), List.of(ProcessDefinitionPermissions.READ_HISTORY_VARIABLE),
                addVariableRights);
        for (String key : PROCESSES_WITH_READABLE_VARIABLES) {
            grants.grant(ANALYSTS, PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                    ProcessDefinitionPermissions.READ_TASK_VARIABLE);
        }
        grants.grant(ANALYSTS, PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ, ProcessInstancePermissions.RETRY_JOB);
        grants.grant(ANALYSTS, TASK, ANY, TaskPermissions.READ, TaskPermissions.READ_HISTORY);
        grants.grant(ANALYSTS, DEPLOYMENT, ANY, Permissions.READ);
        grants.grant(ANALYSTS, DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grants.grant(ANALYSTS, DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grants.grant(ANALYSTS, BATCH, ANY, BatchPermissions.READ, BatchPermissions.READ_HISTORY);
        grants.grant(ANALYSTS, OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
        grants.grant(ANALYSTS, SYSTEM, ANY, SystemPermissions.READ);
    }

    private void grantWithVariableRights(String group, String processKey, List<Permission> rights,
                                         List<Permission> variableRights, boolean addVariableRights) {
        grants.grant(group, PROCESS_DEFINITION, processKey, rights.toArray(Permission[]::new));
        if (addVariableRights) {
            grants.addToExisting(group, PROCESS_DEFINITION, processKey, variableRights.toArray(Permission[]::new));
        }
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
