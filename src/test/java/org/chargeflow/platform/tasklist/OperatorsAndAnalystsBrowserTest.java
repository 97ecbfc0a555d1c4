package org.chargeflow.platform.tasklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.chargeflow.session.SessionRepository;
import org.chargeflow.session.SessionState;
import org.chargeflow.support.Browser;
import org.chargeflow.support.Http;
import org.chargeflow.support.IntegrationTest;
import org.chargeflow.support.SimulatedCharger;
import org.chargeflow.support.TestChargers;
import org.chargeflow.support.TestUsers;
import org.chargeflow.support.TestUsers.Login;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chargeflow.platform.security.Roles.ANALYSTS;
import static org.chargeflow.platform.security.Roles.OPERATORS;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

/**
 * The web apps as their users meet them, with a session running on a simulated charger: an operator
 * (not an administrator) finds it in Tasklist's "Charging sessions" filter and stops it; an analyst
 * follows it in Cockpit and on the dashboard and may not start or stop anything. Both see ChargeFlow, not Camunda's banner.
 */
@IntegrationTest
class OperatorsAndAnalystsBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path FAILURES = Path.of("target", "browser");
    private static final Path SCREENSHOTS = Path.of("docs", "screenshots");
    private static final By EOL_BANNER = By.cssSelector(".ce-eol-banner");

    @Autowired
    TestChargers chargers;
    @Autowired
    TestUsers users;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    SessionRepository sessions;
    @Autowired
    ObjectMapper json;

    @Test
    void anOperatorStopsChargingInTasklistWhileAnAnalystOnlyWatchesInCockpit() throws Exception {
        Login operator = users.inGroup("operator", OPERATORS);
        Login analyst = users.inGroup("analyst", ANALYSTS);
        try (SimulatedCharger charger = chargers.connectBooted("OPS")) {
            charger.statusNotification(1, "Preparing");
            Http http = chargers.http();
            String start = "{\"variables\": {\"chargerId\": {\"value\": \"" + charger.id() + "\"},"
                    + " \"connectorId\": {\"value\": 1, \"type\": \"Integer\"},"
                    + " \"sessionEnergyKwh\": {\"value\": 20, \"type\": \"Double\"}}}";

            HttpResponse<String> started = http.postJson("/engine-rest/process-definition/key/charging-session/start",
                    operator.basic(), start);
            assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
            String processInstanceId = json.readTree(started.body()).get("id").asText();
            JsonNode remoteStart = charger.awaitCall("RemoteStartTransaction", WAIT).get(3);
            int tx = charger.startTransaction(1, remoteStart.get("idTag").asText(), 0, Instant.now())
                    .get("transactionId").asInt();
            await().atMost(WAIT).until(() -> tasks.createTaskQuery().processInstanceId(processInstanceId).count() == 1);
            assertThat(tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getDescription())
                    .contains("connector 1 of charger " + charger.id(), "complete it to stop charging");
            charger.meterValues(1, tx, 2_500, 11_000);
            await().atMost(WAIT).until(() -> Double.valueOf(2.5).equals(runtime.getVariable(processInstanceId, "liveEnergyKwh")));

            HttpResponse<String> analystStart = http.postJson("/engine-rest/process-definition/key/charging-session/start",
                    analyst.basic(), start);
            assertThat(analystStart.statusCode()).as(analystStart.body()).isEqualTo(403);

            analystWatchesTheSession(analyst, processInstanceId, charger.id());
            operatorStopsTheSessionInTasklist(operator, charger.id());

            assertThat(charger.awaitCall("RemoteStopTransaction", WAIT).at("/3/transactionId").asInt()).isEqualTo(tx);
            charger.stopTransaction(tx, 2_600, Instant.now(), "Remote");
            await().atMost(WAIT).until(() -> sessions.byTransaction(tx).orElseThrow().state() == SessionState.FINISHED);
            assertThat(sessions.byTransaction(tx).orElseThrow().stopReason()).isEqualTo("Stopped by the operator");
        }
    }

    private void analystWatchesTheSession(Login analyst, String processInstanceId, String chargerId) {
        try (Browser browser = Browser.open()) {
            try {
                browser.go(chargers.http().url("/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime"));
                browser.logIntoCamunda(analyst.id(), analyst.password());
                browser.go(chargers.http().url("/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime"));
                browser.visible(By.xpath("//td[normalize-space()='chargerId']"));
                browser.visible(By.xpath("//*[normalize-space()='" + chargerId + "']"));
                assertThat(browser.title()).startsWith("ChargeFlow");
                assertThat(browser.isShown(EOL_BANNER)).as("end-of-life banner").isFalse();
                assertThat(browser.pageText()).contains("Charging session");
                browser.screenshot(SCREENSHOTS.resolve("cockpit-charging-session.png"));

                // The same login on the dashboard: the charging connector's panel, every action inactive.
                browser.go(chargers.http().url("/dashboard/"));
                By manage = By.xpath("//article[@data-charger-id='" + chargerId + "']//button[contains(@class, 'manage')]");
                browser.scrollTo(manage);
                browser.click(manage);
                browser.until(textToBePresentInElementLocated(By.id("stop-why"), "may only watch"));
                assertThat(browser.visible(By.id("stop")).isEnabled()).isFalse();
                assertThat(browser.visible(By.id("reset")).isEnabled()).isFalse();
            } catch (RuntimeException | AssertionError e) {
                browser.saveFailure(FAILURES.resolve("analystWatchesTheSession"));
                throw e;
            }
        }
    }

    private void operatorStopsTheSessionInTasklist(Login operator, String chargerId) {
        try (Browser browser = Browser.open()) {
            try {
                browser.go(chargers.http().url("/camunda/app/tasklist/default/"));
                browser.logIntoCamunda(operator.id(), operator.password());

                browser.clickable(By.xpath("//a[contains(., 'Charging sessions')]")).click();
                By card = By.xpath("//li[contains(@class, 'task')][.//a[contains(., 'Charging · " + chargerId + " / 1')]]");
                browser.visible(card);
                assertThat(browser.visible(card).getText()).contains("Charger", chargerId, "Connector", "Energy (kWh)", "2.5");
                assertThat(browser.title()).isEqualTo("ChargeFlow Tasklist");
                assertThat(browser.isShown(EOL_BANNER)).as("end-of-life banner").isFalse();
                assertThat(browser.visible(By.cssSelector("a.chargeflow-dashboard-link")).getAttribute("href")).endsWith("/dashboard");

                browser.click(By.xpath("//a[contains(., 'Charging · " + chargerId + " / 1')]"));
                browser.visible(By.xpath("//td[contains(., 'Energy delivered')]"));
                browser.screenshot(SCREENSHOTS.resolve("tasklist-charging-sessions.png"));
                browser.click(By.cssSelector("button.claim"));
                browser.click(By.cssSelector("button[ng-click='complete()']"));
                browser.waitUntilGone(card);
            } catch (RuntimeException | AssertionError e) {
                browser.saveFailure(FAILURES.resolve("operatorStopsTheSessionInTasklist"));
                throw e;
            }
        }
    }
}
