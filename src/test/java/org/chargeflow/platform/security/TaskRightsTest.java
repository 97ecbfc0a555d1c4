package org.chargeflow.platform.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.chargeflow.support.Http;
import org.chargeflow.support.IntegrationTest;
import org.chargeflow.support.SimulatedCharger;
import org.chargeflow.support.TestChargers;
import org.chargeflow.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.chargeflow.platform.security.Roles.ANALYSTS;
import static org.chargeflow.platform.security.Roles.OPERATORS;

/**
 * Operators see and work the charging sessions' tasks through their grant on the process, with no
 * authorization row per task; other processes' tasks keep Camunda's row for their candidate group. A
 * charger's one-time password is read only by the operator who registered it. Checked over Camunda's
 * REST API, as Tasklist and Cockpit call it.
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
    @Autowired
    RepositoryService repository;

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
            assertThat(http.get("/engine-rest/variable-instance?processInstanceIdIn=" + process, operator.basic()).body())
                    .as("the variables on a task card").contains(charger.id());
            HttpResponse<String> claimed = http.postJson("/engine-rest/task/" + task.getId() + "/claim", operator.basic(),
                    "{\"userId\": \"" + operator.id() + "\"}");
            assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
            assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(operator.id());

            TestUsers.Login analyst = users.inGroup("analyst", ANALYSTS);
            assertThat(http.get("/engine-rest/task?processInstanceId=" + process, analyst.basic()).body()).contains(task.getId());
            HttpResponse<String> variables = http.get("/engine-rest/process-instance/" + process + "/variables", analyst.basic());
            assertThat(variables.statusCode()).as(variables.body()).isEqualTo(200);
            assertThat(variables.body()).contains(charger.id());
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
    void tasksOfProcessesWithoutTheGrantKeepCamundasRowForTheirCandidateGroup() {
        BpmnModelInstance review = Bpmn.createExecutableProcess("rights-review").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Review").camundaCandidateGroups(OPERATORS).endEvent().done();
        String deployment = repository.createDeployment().addModelInstance("rights-review.bpmn", review).deploy().getId();
        try {
            String process = runtime.startProcessInstanceByKey("rights-review", Map.of("topic", "the tariff sheet")).getId();
            Task task = tasks.createTaskQuery().processInstanceId(process).singleResult();
            assertThat(grantRowsFor(task)).isOne();

            TestUsers.Login operator = users.inGroup("operator", OPERATORS);
            HttpResponse<String> form = chargers.http().get("/engine-rest/task/" + task.getId() + "/form-variables", operator.basic());
            assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
            assertThat(form.body()).contains("the tariff sheet");
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    @Test
    void theChargersPasswordIsReadOnlyByTheOperatorWhoRegisteredIt() {
        Http http = chargers.http();
        TestUsers.Login registrar = users.inGroup("registrar", OPERATORS);
        String id = "PW-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> started = http.postJson("/engine-rest/process-definition/key/register-charger/start",
                registrar.basic(), "{\"variables\": {\"chargerId\": {\"value\": \"" + id + "\"}}}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String process = runtime.createProcessInstanceQuery().processDefinitionKey("register-charger")
                .variableValueEquals("chargerId", id).singleResult().getId();
        String password = (String) runtime.getVariable(process, "chargerPassword");
        Task task = tasks.createTaskQuery().processInstanceId(process).singleResult();
        assertThat(task.getAssignee()).isEqualTo(registrar.id());

        assertThat(http.get("/engine-rest/task?assignee=" + registrar.id(), registrar.basic()).body()).contains(task.getId());
        assertThat(http.get("/engine-rest/task/" + task.getId() + "/form-variables", registrar.basic()).body()).contains(password);

        TestUsers.Login colleague = users.inGroup("colleague", OPERATORS);
        TestUsers.Login analyst = users.inGroup("analyst", ANALYSTS);
        assertThat(http.get("/engine-rest/task?processInstanceId=" + process, colleague.basic()).body()).doesNotContain(task.getId());
        for (TestUsers.Login other : List.of(colleague, analyst)) {
            assertThat(http.get("/engine-rest/task/" + task.getId() + "/form-variables", other.basic()).statusCode())
                    .as(other.id()).isEqualTo(403);
            assertThat(http.get("/engine-rest/process-instance/" + process + "/variables", other.basic()).statusCode())
                    .as(other.id()).isEqualTo(403);
            assertThat(http.get("/engine-rest/variable-instance?processInstanceIdIn=" + process, other.basic()).body())
                    .as(other.id()).doesNotContain(password);
        }
        assertThat(http.get("/engine-rest/process-instance?processDefinitionKey=register-charger", analyst.basic()).body())
                .as("the analyst still follows the process").contains(process);
        assertThat(http.get("/engine-rest/history/variable-instance?processInstanceId=" + process, analyst.basic()).body())
                .as("and its history, which holds no secret").contains(id).doesNotContain(password);
        runtime.deleteProcessInstance(process, "test done");
    }

    private long grantRowsFor(Task task) {
        return authorizations.createAuthorizationQuery().resourceType(TASK).resourceId(task.getId())
                .groupIdIn(OPERATORS).count();
    }
}
