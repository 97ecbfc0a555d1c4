package org.chargeflow.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chargeflow.session.ChargingSession;
import org.chargeflow.session.SessionRepository;
import org.chargeflow.support.Browser;
import org.chargeflow.support.Http;
import org.chargeflow.support.IntegrationTest;
import org.chargeflow.support.SimulatedCharger;
import org.chargeflow.support.TestChargers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chargeflow.support.IntegrationTest.ADMIN;
import static org.chargeflow.support.IntegrationTest.ADMIN_PASSWORD;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

/**
 * An operator in a real browser: logs in through the dashboard's hint, watches a charger connect and the
 * vehicle plug in, starts charging from the widget's panel, sees the energy rise, and sees the charger
 * disconnect with every action inactive. Saves the README's screenshots on the way.
 */
@IntegrationTest
class DashboardBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path FAILURES = Path.of("target", "browser");
    private static final Path SCREENSHOTS = Path.of("docs", "screenshots");

    @Autowired
    TestChargers chargers;
    @Autowired
    SessionRepository sessions;
    @Autowired
    ObjectMapper json;

    @Test
    void operatorWatchesAChargerAndStartsChargingFromItsWidget() throws Exception {
        Http http = chargers.http();
        long depot = json.readTree(http.postJson("/api/locations", Http.basic(ADMIN, ADMIN_PASSWORD),
                "{\"name\": \"Depot North\", \"timeZone\": \"Europe/Berlin\"}").body()).get("id").asLong();
        TestChargers.Registration registration = chargers.register("DASH", ",\"name\": \"Bay 1\", \"locationId\": " + depot);

        try (Browser browser = Browser.open(); SimulatedCharger charger = chargers.connect(registration)) {
            charger.bootNotification();
            String widget = "//article[@data-charger-id='" + charger.id() + "']";
            By connectorState = By.xpath(widget + "//li[@data-connector-id='1']//*[@data-role='connector-state']");
            try {
                browser.resize(1100, 800);
                browser.go(http.url("/dashboard/"));
                browser.click(By.id("login"));
                browser.logIntoCamunda(ADMIN, ADMIN_PASSWORD);
                browser.visible(By.xpath("//*[normalize-space()='Start process']"));

                // Other tests' chargers share the database: show this location only.
                browser.go(http.url("/dashboard/?location=" + depot));
                browser.visible(By.xpath("//section[@data-group='location-" + depot + "']/h2[normalize-space()='Depot North']"));
                charger.statusNotification(1, "Available");
                browser.until(textToBePresentInElementLocated(connectorState, "Available"));
                browser.until(textToBePresentInElementLocated(By.id("connection"), "Live"));
                browser.screenshot(SCREENSHOTS.resolve("dashboard-available.png"));

                browser.click(By.xpath(widget + "//button[contains(@class, 'manage')]"));
                browser.until(textToBePresentInElementLocated(By.id("start-why"), "The vehicle is not plugged into connector 1"));
                assertThat(browser.visible(By.id("start")).isEnabled()).isFalse();

                charger.statusNotification(1, "Preparing");
                browser.until(textToBePresentInElementLocated(connectorState, "Preparing"));
                browser.clickable(By.id("start"));
                browser.until(textToBePresentInElementLocated(By.id("reset-why"), "unplug it before resetting"));

                browser.type(By.id("sessionPowerKw"), "11 kW");
                browser.click(By.id("start"));
                browser.until(textToBePresentInElementLocated(By.id("sessionPowerKw-error"), "(got '11 kW')"));
                browser.until(attributeToBe(By.id("sessionPowerKw"), "aria-invalid", "true"));

                browser.type(By.id("description"), "Van 7");
                browser.type(By.id("sessionPowerKw"), "7.4");
                browser.type(By.id("sessionEnergyKwh"), "12");
                browser.click(By.id("start"));
                JsonNode remoteStart = charger.awaitCall("RemoteStartTransaction", WAIT).get(3);
                assertThat(remoteStart.at("/chargingProfile/chargingSchedule/chargingSchedulePeriod/0/limit").asDouble())
                        .isEqualTo(7_400.0);
                int tx = charger.startTransaction(1, remoteStart.get("idTag").asText(), 250_000, Instant.now())
                        .get("transactionId").asInt();
                charger.statusNotification(1, "Charging");
                charger.meterValues(1, tx, 251_500, 7_300);
                By energy = By.xpath(widget + "//*[@data-role='energy']");
                browser.until(textToBePresentInElementLocated(energy, "1.50 kWh of 12.00 kWh"));
                browser.until(textToBePresentInElementLocated(connectorState, "Charging"));
                browser.clickable(By.id("stop"));
                charger.meterValues(1, tx, 253_000, 7_400);
                browser.until(textToBePresentInElementLocated(energy, "3.00 kWh of 12.00 kWh"));
                browser.until(textToBePresentInElementLocated(By.xpath(widget + "//*[@data-role='power']"), "7.4 kW"));
                browser.until(textToBePresentInElementLocated(By.id("total-energy"), "3.00 kWh"));
                assertThat(browser.visible(By.id("total-sessions")).getText()).isEqualTo("1");
                assertThat(browser.visible(By.id("charging-now")).getText()).isEqualTo("1");
                ChargingSession session = sessions.byTransaction(tx).orElseThrow();
                assertThat(session.description()).isEqualTo("Van 7");
                assertThat(session.energyCapKwh()).isEqualByComparingTo("12");
                browser.scrollTo(By.id("panel-title"));
                browser.screenshot(SCREENSHOTS.resolve("dashboard-charging.png"));

                charger.close();
                browser.until(textToBePresentInElementLocated(connectorState, "Disconnected"));
                browser.until(textToBePresentInElementLocated(By.id("chargers-online"), "0 of 1"));
                for (String action : new String[]{"start", "stop", "reset"}) {
                    browser.until(textToBePresentInElementLocated(By.id(action + "-why"), "is disconnected"));
                    assertThat(browser.visible(By.id(action)).isEnabled()).as(action).isFalse();
                }
                browser.scrollTo(By.id("panel-title"));
                browser.screenshot(SCREENSHOTS.resolve("dashboard-disconnected.png"));
            } catch (RuntimeException | AssertionError e) {
                browser.saveFailure(FAILURES.resolve("operatorWatchesAChargerAndStartsChargingFromItsWidget"));
                throw e;
            }
        }
    }
}
