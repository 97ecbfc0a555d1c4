package org.chargeflow.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.chargeflow.idtag.IdTagRepository;
import org.chargeflow.session.ChargingSession;
import org.chargeflow.session.SessionRepository;
import org.chargeflow.session.SessionState;
import org.chargeflow.support.Browser;
import org.chargeflow.support.IntegrationTest;
import org.chargeflow.support.SimulatedCharger;
import org.chargeflow.support.TestChargers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chargeflow.support.IntegrationTest.ADMIN;
import static org.chargeflow.support.IntegrationTest.ADMIN_PASSWORD;

/**
 * An operator in a real browser: logs into Tasklist, starts a session from the start form with caps,
 * opens the Charging task and stops charging; the Charging task of a session begun at the charger.
 */
@IntegrationTest
class TasklistBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path FAILURES = Path.of("target", "browser");

    @Autowired
    TestChargers chargers;
    @Autowired
    SessionRepository sessions;
    @Autowired
    TaskService tasks;
    @Autowired
    IdTagRepository idTags;

    @Test
    void operatorStartsASessionFromTheFormAndStopsIt() {
        try (Browser browser = Browser.open(); SimulatedCharger charger = chargers.connectBooted("UI")) {
            charger.statusNotification(1, "Preparing");
            try {
                browser.go(chargers.http().url("/camunda/app/tasklist/default/"));
                browser.logIntoCamunda(ADMIN, ADMIN_PASSWORD);

                browser.clickable(By.xpath("//*[normalize-space()='Start process']")).click();
                browser.clickable(By.xpath("//a[normalize-space()='Charging session']")).click();
                browser.type(By.cssSelector("input[id$='ChargerId']"), charger.id());
                browser.type(By.cssSelector("input[id$='Description']"), "Started in the browser");
                browser.type(By.cssSelector("input[id$='SessionPowerKw']"), "7.4");
                browser.type(By.cssSelector("input[id$='SessionEnergyKwh']"), "12");
                browser.clickable(By.xpath("//button[normalize-space()='Start']")).click();

                JsonNode remoteStart = charger.awaitCall("RemoteStartTransaction", WAIT).get(3);
                assertThat(remoteStart.at("/chargingProfile/chargingSchedule/chargingSchedulePeriod/0/limit").asDouble())
                        .isEqualTo(7_400.0);
                int tx = charger.startTransaction(1, remoteStart.get("idTag").asText(), 0, Instant.now())
                        .get("transactionId").asInt();
                ChargingSession session = await().atMost(WAIT).until(() -> sessions.byTransaction(tx), Optional::isPresent)
                        .orElseThrow();
                assertThat(session.description()).isEqualTo("Started in the browser");
                assertThat(session.energyCapKwh()).isEqualByComparingTo("12");
                charger.meterValues(1, tx, 1_500, 7_300);
                await().atMost(WAIT).until(() -> tasks.createTaskQuery().processInstanceId(session.processInstanceId())
                        .singleResult() != null);

                browser.go(chargers.http().url("/camunda/app/tasklist/default/"));
                browser.clickable(By.xpath("//a[contains(., 'Charging · " + charger.id() + " / 1')]")).click();
                browser.visible(By.xpath("//*[contains(., 'Energy delivered')]"));
                assertThat(browser.pageText()).contains("1.5 kWh").contains("7.3 kW").contains("12.0 kWh");
                assertThat(row(browser, "Energy target")).isEqualTo("12.0 kWh");
                assertThat(row(browser, "Power limit")).isEqualTo("7.4 kW");
                browser.screenshot(Path.of("docs", "screenshots", "tasklist-charging-task.png"));
                browser.click(By.cssSelector("button.claim"));
                browser.click(By.cssSelector("button[ng-click='complete()']"));

                assertThat(charger.awaitCall("RemoteStopTransaction", WAIT).at("/3/transactionId").asInt()).isEqualTo(tx);
                charger.stopTransaction(tx, 1_600, Instant.now(), "Remote");
                await().atMost(WAIT).until(() -> sessions.byTransaction(tx).orElseThrow().state() == SessionState.FINISHED);
                assertThat(sessions.byTransaction(tx).orElseThrow().stopReason()).isEqualTo("Stopped by the operator");
            } catch (RuntimeException | AssertionError e) {
                browser.saveFailure(FAILURES.resolve("operatorStartsASessionFromTheFormAndStopsIt"));
                throw e;
            }
        }
    }

    @Test
    void aSessionBegunAtTheChargerShowsNoTargetAndNoLimit() {
        try (Browser browser = Browser.open(); SimulatedCharger charger = chargers.connectBooted("UIRFID")) {
            charger.statusNotification(1, "Preparing");
            String tag = "UI" + Long.toHexString(System.nanoTime()).substring(0, 8);
            idTags.save(tag, "Accepted", null, null);
            try {
                int tx = charger.startTransaction(1, tag, 0, Instant.now()).get("transactionId").asInt();
                ChargingSession session = await().atMost(WAIT).until(() -> sessions.byTransaction(tx), Optional::isPresent)
                        .orElseThrow();
                await().atMost(WAIT).until(() -> tasks.createTaskQuery().processInstanceId(session.processInstanceId())
                        .singleResult() != null);

                browser.go(chargers.http().url("/camunda/app/tasklist/default/"));
                browser.logIntoCamunda(ADMIN, ADMIN_PASSWORD);
                browser.clickable(By.xpath("//a[contains(., 'Charging · " + charger.id() + " / 1')]")).click();

                assertThat(row(browser, "Energy target")).isEqualTo("none");
                assertThat(row(browser, "Power limit")).isEqualTo("none");
                charger.stopTransaction(tx, 100, Instant.now(), "Local");
            } catch (RuntimeException | AssertionError e) {
                browser.saveFailure(FAILURES.resolve("aSessionBegunAtTheChargerShowsNoTargetAndNoLimit"));
                throw e;
            }
        }
    }

    /** The value in the Charging form's table row with that label. */
    private static String row(Browser browser, String label) {
        return browser.visible(By.xpath("//tr[td[normalize-space()='" + label + "']]/td[2]")).getText().strip();
    }
}
