package org.chargeflow.platform.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.chargeflow.platform.tasklist.TasklistFilters;
import org.chargeflow.support.Http;
import org.chargeflow.support.IntegrationTest;
import org.chargeflow.support.TestChargers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Resources.*;
import static org.chargeflow.platform.security.Roles.ADMINS;
import static org.chargeflow.platform.security.Roles.ANALYSTS;
import static org.chargeflow.platform.security.Roles.OPERATORS;
import static org.chargeflow.support.IntegrationTest.ADMIN;

/** The groups, their rights and the shared Tasklist filters, as the startup leaves them, however often it runs. */
@IntegrationTest
class GroupsAndRightsTest {

    @Autowired
    GroupsAndRights groupsAndRights;
    @Autowired
    TasklistFilters tasklistFilters;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    FilterService filterService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TestChargers chargers;

    @Test
    void startingAgainCreatesNoDuplicateGroupsFiltersOrAuthorizations() {
        long groups = identityService.createGroupQuery().count();
        long authorizations = groupGrants();
        long filters = filterService.createFilterQuery().count();
        assertThat(identityService.createGroupQuery().groupIdIn(OPERATORS, ANALYSTS, ADMINS).count()).isEqualTo(3);
        assertThat(filters).isGreaterThanOrEqualTo(4);

        for (int start = 0; start < 2; start++) {
            groupsAndRights.ensureGroupsAndRights();
            tasklistFilters.ensureFilters();
        }

        assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
        assertThat(groupGrants()).isEqualTo(authorizations);
        assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
    }

    @Test
    void theConfiguredAdministratorIsInAdmins() {
        assertThat(identityService.createUserQuery().userId(ADMIN).memberOfGroup(ADMINS).count()).isOne();
    }

    @Test
    void operatorsStartTheChargingProcessesAndNothingElse() {
        List<String> operator = List.of(OPERATORS);
        String user = newUser();
        for (String key : List.of("charging-session", "charger-reset", "register-charger", "add-vehicle")) {
            assertThat(allowed(user, operator, ProcessDefinitionPermissions.CREATE_INSTANCE, PROCESS_DEFINITION, key))
                    .as("start " + key).isTrue();
        }
        assertThat(allowed(user, operator, Permissions.CREATE, PROCESS_INSTANCE, ANY)).isTrue();
        assertThat(allowed(user, operator, Permissions.ACCESS, APPLICATION, "tasklist")).isTrue();
        assertThat(allowed(user, operator, Permissions.ACCESS, APPLICATION, "cockpit")).isFalse();
        assertThat(allowed(user, operator, ProcessDefinitionPermissions.CREATE_INSTANCE, PROCESS_DEFINITION, "some-other-process"))
                .isFalse();
        assertThat(allowed(user, operator, Permissions.READ, USER, ANY)).isFalse();
        assertThat(allowed(user, operator, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, PROCESS_DEFINITION, "charging-session"))
                .isTrue();
        assertThat(allowed(user, operator, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, PROCESS_DEFINITION, "register-charger"))
                .as("a registration's variables hold a charger's password").isFalse();
        assertThat(allowed(user, operator, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE, PROCESS_DEFINITION, "register-charger"))
                .isTrue();
    }

    @Test
    void analystsReadEverythingInCockpitAndRetryButStartAndCompleteNothing() {
        List<String> analyst = List.of(ANALYSTS);
        String user = newUser();
        assertThat(allowed(user, analyst, Permissions.ACCESS, APPLICATION, "cockpit")).isTrue();
        assertThat(allowed(user, analyst, ProcessDefinitionPermissions.READ_INSTANCE, PROCESS_DEFINITION, "charging-session")).isTrue();
        assertThat(allowed(user, analyst, ProcessDefinitionPermissions.READ_HISTORY, PROCESS_DEFINITION, "charger-reset")).isTrue();
        assertThat(allowed(user, analyst, ProcessDefinitionPermissions.RETRY_JOB, PROCESS_DEFINITION, "charging-session")).isTrue();
        assertThat(allowed(user, analyst, Permissions.ACCESS, APPLICATION, "tasklist")).isFalse();
        assertThat(allowed(user, analyst, ProcessDefinitionPermissions.CREATE_INSTANCE, PROCESS_DEFINITION, "charging-session")).isFalse();
        assertThat(allowed(user, analyst, Permissions.CREATE, PROCESS_INSTANCE, ANY)).isFalse();
        assertThat(allowed(user, analyst, Permissions.UPDATE, TASK, ANY)).isFalse();
        assertThat(allowed(user, analyst, ProcessDefinitionPermissions.UPDATE_INSTANCE, PROCESS_DEFINITION, "charging-session")).isFalse();
        for (String key : List.of("charging-session", "charger-reset", "add-vehicle")) {
            assertThat(allowed(user, analyst, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, PROCESS_DEFINITION, key)).as(key).isTrue();
            assertThat(allowed(user, analyst, ProcessDefinitionPermissions.READ_TASK_VARIABLE, PROCESS_DEFINITION, key)).as(key).isTrue();
        }
        assertThat(allowed(user, analyst, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, PROCESS_DEFINITION, "register-charger")).isFalse();
        assertThat(allowed(user, analyst, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE, PROCESS_DEFINITION, "register-charger")).isTrue();
    }

    @Test
    void anInstallationFromBeforeTheVariableRightsGetsThemOnceAndKeepsLaterEdits() {
        Authorization sessions = operatorsGrantOn("charging-session");
        Permission[] variableRights = {ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                ProcessDefinitionPermissions.READ_TASK_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE};
        List<String> operator = List.of(OPERATORS);
        String user = newUser();
        try {
            for (Permission right : variableRights) {
                sessions.removePermission(right);
            }
            authorizationService.saveAuthorization(sessions);
            managementService.deleteProperty(GroupsAndRights.VARIABLE_RIGHTS_GRANTED);

            groupsAndRights.ensureGroupsAndRights();

            for (Permission right : variableRights) {
                assertThat(allowed(user, operator, right, PROCESS_DEFINITION, "charging-session")).as(right.getName()).isTrue();
            }
            Authorization edited = operatorsGrantOn("charging-session");
            edited.removePermission(ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
            authorizationService.saveAuthorization(edited);

            groupsAndRights.ensureGroupsAndRights();

            assertThat(allowed(user, operator, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE, PROCESS_DEFINITION, "charging-session"))
                    .as("an administrator's edit stays").isFalse();
        } finally {
            Authorization restored = operatorsGrantOn("charging-session");
            for (Permission right : variableRights) {
                restored.addPermission(right);
            }
            authorizationService.saveAuthorization(restored);
        }
    }

    @Test
    void adminsMayDoEverything() {
        List<String> admin = List.of(ADMINS);
        String user = newUser();
        for (String app : List.of("tasklist", "cockpit", "admin")) {
            assertThat(allowed(user, admin, Permissions.ACCESS, APPLICATION, app)).as(app).isTrue();
        }
        assertThat(allowed(user, admin, Permissions.ALL, AUTHORIZATION, ANY)).isTrue();
        assertThat(allowed(user, admin, Permissions.ALL, USER, ANY)).isTrue();
    }

    @Test
    void filtersAreOrderedAndSharedWithTheirGroups() {
        List<Filter> shared = filterService.createFilterQuery().list().stream().filter(f -> f.getOwner() == null)
                .sorted((a, b) -> Integer.compare((Integer) a.getProperties().get("priority"), (Integer) b.getProperties().get("priority")))
                .toList();
        assertThat(shared).extracting(Filter::getName)
                .containsExactly("Charging sessions", "Waiting for a vehicle", "My tasks", "Open group tasks", "All open tasks");
        String user = newUser();
        for (Filter filter : shared) {
            boolean forOperators = !filter.getName().equals("All open tasks");
            assertThat(allowed(user, List.of(OPERATORS), Permissions.READ, FILTER, filter.getId()))
                    .as(filter.getName()).isEqualTo(forOperators);
            assertThat(allowed(user, List.of(ADMINS), Permissions.READ, FILTER, filter.getId())).as(filter.getName()).isTrue();
            assertThat(allowed(user, List.of(ANALYSTS), Permissions.READ, FILTER, filter.getId())).as(filter.getName()).isFalse();
        }
        assertThat(shared.get(0).getProperties().get("variables")).asString()
                .contains("chargerId", "connectorId", "liveEnergyKwh", "energyTargetText");
    }

    @Test
    void theReadmesRestCallsAddAnOperator() {
        Http http = chargers.http();
        String admin = Http.basic(ADMIN, IntegrationTest.ADMIN_PASSWORD);
        String id = newUser();
        HttpResponse<String> created = http.postJson("/engine-rest/user/create", admin, "{\"profile\": {\"id\": \"" + id
                + "\", \"firstName\": \"Jane\", \"lastName\": \"Doe\"}, \"credentials\": {\"password\": \"a-Strong-password-4711\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
        HttpResponse<String> joined = http.send(HttpRequest.newBuilder(URI.create(http.url("/engine-rest/group/operators/members/" + id)))
                .header("Authorization", admin).PUT(HttpRequest.BodyPublishers.noBody()));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(204);

        assertThat(identityService.createUserQuery().userId(id).memberOfGroup(OPERATORS).count()).isOne();
    }

    /**
     * The groups' authorization rows, leaving out per-task rows: Camunda writes one for a task's
     * candidate group whenever a process of another test reaches a user task.
     */
    private long groupGrants() {
        return Arrays.stream(Resources.values()).filter(resource -> resource != TASK)
                .mapToLong(resource -> authorizationService.createAuthorizationQuery().resourceType(resource)
                        .groupIdIn(OPERATORS, ANALYSTS, ADMINS, Groups.CAMUNDA_ADMIN).count())
                .sum();
    }

    private Authorization operatorsGrantOn(String processKey) {
        return authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(OPERATORS).resourceType(PROCESS_DEFINITION).resourceId(processKey).singleResult();
    }

    private boolean allowed(String user, List<String> groups, Permission permission, Resource resource, String resourceId) {
        return authorizationService.isUserAuthorized(user, groups, permission, resource, resourceId);
    }

    /** A user id without grants of its own: only the groups passed to each check count. */
    private static String newUser() {
        return "nobody" + UUID.randomUUID().toString().replace("-", "");
    }
}
