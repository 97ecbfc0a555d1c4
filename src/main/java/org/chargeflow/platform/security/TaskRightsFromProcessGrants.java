package org.chargeflow.platform.security;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK_VARIABLE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.UPDATE_TASK;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;

/**
 * Camunda gives a task's candidate group READ and UPDATE on that one task by writing an authorization
 * row when the task is created and deleting it when the task ends. A group whose grant on the task's
 * process already holds the same rights for all its tasks ({@code READ_TASK} and {@code UPDATE_TASK},
 * as {@link GroupsAndRights} gives operators on the charging sessions) gets no such row: a lookup and
 * two writes less per charging session, and an authorization table that does not grow with the open
 * tasks. Where reading variables needs a right of its own (enforce-specific-variable-permission), Camunda's
 * row also holds READ_VARIABLE, so the grant must hold {@code READ_TASK_VARIABLE} too. Without that grant
 * (an installation from before it, or an administrator who took it away) Camunda's rows are written as
 * before, so the candidate group never loses its task or its variables.
 */
@Component
class TaskRightsFromProcessGrants extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
    }

    private static final class Provider extends DefaultAuthorizationProvider {

        private List<Permission> taskRights() {
            return isEnforceSpecificVariablePermission() ? List.of(READ_TASK, UPDATE_TASK, READ_TASK_VARIABLE)
                    : List.of(READ_TASK, UPDATE_TASK);
        }

        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
            ProcessDefinitionEntity process = task instanceof TaskEntity entity ? entity.getProcessDefinition() : null;
            if (process != null && (holdsTaskRights(groupId, process.getKey()) || holdsTaskRights(groupId, ANY))) {
                return null;
            }
            return super.newTaskGroupIdentityLink(task, groupId, type);
        }

        private boolean holdsTaskRights(String groupId, String processKey) {
            AuthorizationEntity grant = getAuthorizationManager()
                    .findAuthorizationByGroupIdAndResourceId(AUTH_TYPE_GRANT, groupId, PROCESS_DEFINITION, processKey);
            return grant != null && taskRights().stream().allMatch(grant::isPermissionGranted);
        }
    }
}
