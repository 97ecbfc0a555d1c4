package org.chargeflow.platform.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.chargeflow.support.Http;
import org.chargeflow.support.IntegrationTest;
import org.chargeflow.support.SimulatedCharger;
import org.chargeflow.support.TestChargers;
import org.chargeflow.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.chargeflow.platform.security.Roles.ANALYSTS;
import static org.chargeflow.platform.security.Roles.OPERATORS;

/**
 * Operators see and work the charging sessions' tasks through their grant on the process, with no
 * authorization row per task; other processes' tasks keep Camunda's row for their candidate group.
 * Checked over Camunda's REST API, as Tasklist calls it.
 */
@IntegrationTest
class TaskRightsTest {

    @Autowired
    TestChargers chargers;
    @Autowired
    TestUsers users;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    IdentityService identity;

    @Test
    void operatorsWorkASessionTaskThatHasNoGrantOfItsOwn() {
        try (SimulatedCharger charger = chargers.connectBooted("RIGHTS")) {
            charger.statusNotification(1, "Available");
            String process = runtime.startProcessInstanceByKey("charging-session",
                    Map.of("chargerId", charger.id(), "connectorId", 1)).getId();
            Task task = await().atMost(Duration.ofSeconds(15))
                    .until(() -> tasks.createTaskQuery().processInstanceId(process).singleResult(), t -> t != null);
            assertThat(task.getTaskDefinitionKey()).isEqualTo("ConnectVehicle");
            assertThat(grantRowsFor(task)).isZero();

            Http http = chargers.http();
            TestUsers.Login operator = users.inGroup("operator", OPERATORS);
            HttpResponse<String> listed = http.get("/engine-rest/task?processInstanceId=" + process, operator.basic());
            assertThat(listed.body()).contains(task.getId());
            assertThat(http.get("/engine-rest/task/" + task.getId() + "/form-variables", operator.basic()).body())
                    .contains(charger.id());
            HttpResponse<String> claimed = http.postJson("/engine-rest/task/" + task.getId() + "/claim", operator.basic(),
                    "{\"userId\": \"" + operator.id() + "\"}");
            assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
            assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(operator.id());

            TestUsers.Login analyst = users.inGroup("analyst", ANALYSTS);
            assertThat(http.get("/engine-rest/task?processInstanceId=" + process, analyst.basic()).body()).contains(task.getId());
            HttpResponse<String> refused = http.postJson("/engine-rest/task/" + task.getId() + "/unclaim", analyst.basic(), "");
            assertThat(refused.statusCode()).isEqualTo(403);

            Group withoutRights = identity.newGroup("norights" + UUID.randomUUID().toString().substring(0, 8));
            identity.saveGroup(withoutRights);
            TestUsers.Login nobody = users.inGroup("nobody", withoutRights.getId());
            assertThat(http.get("/engine-rest/task?processInstanceId=" + process, nobody.basic()).body())
                    .doesNotContain(task.getId());
            runtime.deleteProcessInstance(process, "test done");
        }
    }

    @Test
    void tasksOfOtherProcessesKeepTheirCandidateGroupsGrant() {
        String process = runtime.startProcessInstanceByKey("register-charger",
                Map.of("chargerId", "TR-" + UUID.randomUUID().toString().substring(0, 8))).getId();
        Task task = tasks.createTaskQuery().processInstanceId(process).singleResult();

        assertThat(grantRowsFor(task)).isOne();
        runtime.deleteProcessInstance(process, "test done");
    }

    private long grantRowsFor(Task task) {
        return authorizations.createAuthorizationQuery().resourceType(TASK).resourceId(task.getId())
                .groupIdIn(OPERATORS).count();
    }
}
