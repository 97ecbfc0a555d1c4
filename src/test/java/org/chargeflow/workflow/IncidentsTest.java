package org.chargeflow.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.chargeflow.support.IntegrationTest;
import org.chargeflow.support.SimulatedCharger;
import org.chargeflow.support.TestChargers;
import org.chargeflow.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chargeflow.platform.security.Roles.ANALYSTS;

/** A step that fails becomes, after its retries, an incident whose message says what is wrong; an analyst retries it. */
@IntegrationTest
class IncidentsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    TestChargers chargers;
    @Autowired
    TestUsers users;

    @Test
    void aFailedStopIsAnIncidentThatSaysWhichSessionAndAnAnalystRetriesIt() {
        try (SimulatedCharger charger = chargers.connectBooted("INCIDENT")) {
            charger.statusNotification(1, "Preparing");
            ProcessInstance session = runtime.startProcessInstanceByKey("charging-session",
                    Map.of("chargerId", charger.id(), "connectorId", 1));
            JsonNode remoteStart = charger.awaitCall("RemoteStartTransaction", WAIT).get(3);
            int tx = charger.startTransaction(1, remoteStart.get("idTag").asText(), 0, Instant.now())
                    .get("transactionId").asInt();
            await().atMost(WAIT).until(() -> tasks.createTaskQuery().processInstanceId(session.getId()).count() == 1);
            Object sessionId = runtime.getVariable(session.getId(), "sessionId");

            runtime.setVariable(session.getId(), "sessionId", 999_999_999L); // as if its row were gone
            tasks.complete(tasks.createTaskQuery().processInstanceId(session.getId()).singleResult().getId());
            Job stop = management.createJobQuery().processInstanceId(session.getId()).activityId("RequestStop").singleResult();
            await().atMost(WAIT).until(() -> failedForGood(stop.getId()));

            Incident incident = runtime.createIncidentQuery().processInstanceId(session.getId()).singleResult();
            assertThat(incident.getActivityId()).isEqualTo("RequestStop");
            assertThat(incident.getIncidentMessage()).isEqualTo("Charging session 999999999 is not in the database"
                    + " (table charging_session): restore the row or correct the variable sessionId, then retry");

            runtime.setVariable(session.getId(), "sessionId", sessionId);
            HttpResponse<String> retry = chargers.http().send(HttpRequest.newBuilder(URI.create(
                            chargers.http().url("/engine-rest/job/" + stop.getId() + "/retries")))
                    .header("Authorization", users.inGroup("analyst", ANALYSTS).basic())
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"retries\": 1}")));
            assertThat(retry.statusCode()).as(retry.body()).isEqualTo(204);
            management.executeJob(stop.getId()); // now rather than at the retry's due time

            assertThat(charger.awaitCall("RemoteStopTransaction", WAIT).at("/3/transactionId").asInt()).isEqualTo(tx);
            assertThat(runtime.createIncidentQuery().processInstanceId(session.getId()).count()).isZero();
        }
    }

    /** Runs the job until its retries are used up (a retry waits a minute; the test does not). */
    private boolean failedForGood(String jobId) {
        if (management.createJobQuery().jobId(jobId).withRetriesLeft().count() > 0) {
            try {
                management.executeJob(jobId);
            } catch (RuntimeException expected) {
                // the step fails, as it should
            }
        }
        return runtime.createIncidentQuery().configuration(jobId).count() > 0;
    }
}
