package org.chargeflow.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.chargeflow.support.Http;
import org.chargeflow.support.IntegrationTest;
import org.chargeflow.support.TestChargers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chargeflow.support.IntegrationTest.ADMIN;
import static org.chargeflow.support.IntegrationTest.ADMIN_PASSWORD;

/** "Today" on the dashboard is the local day at each location, and the server's for chargers without one. */
@IntegrationTest
class DashboardTotalsTest {

    /** 12:30 on 11 March in Auckland (UTC+13), 16:30 on 10 March in Los Angeles (UTC-7), 23:30 UTC. */
    private static final Instant NOW = Instant.parse("2026-03-10T23:30:00Z");

    @Autowired
    DashboardRepository dashboard;
    @Autowired
    TestChargers chargers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void eachLocationCountsSinceItsOwnMidnight() throws Exception {
        long auckland = location("Pacific/Auckland");
        long losAngeles = location("America/Los_Angeles");
        String inAuckland = chargers.register("AKL", ", \"locationId\": " + auckland).id();
        String inLosAngeles = chargers.register("LAX", ", \"locationId\": " + losAngeles).id();
        String nowhere = chargers.register("NOWHERE").id();
        // Auckland's midnight was 11:00 UTC, Los Angeles' 07:00 UTC, the (UTC) server's 00:00.
        finishedSession(inAuckland, "2026-03-10T10:30:00Z", 40_000);
        finishedSession(inAuckland, "2026-03-10T11:30:00Z", 5_000);
        finishedSession(inLosAngeles, "2026-03-10T06:30:00Z", 40_000);
        finishedSession(inLosAngeles, "2026-03-10T09:00:00Z", 7_000);
        neverStarted(inLosAngeles, "2026-03-10T09:30:00Z");
        finishedSession(nowhere, "2026-03-09T23:59:00Z", 40_000);
        finishedSession(nowhere, "2026-03-10T00:30:00Z", 2_000);

        Totals totals = dashboard.totals(NOW, ZoneOffset.UTC);

        assertThat(at(totals, auckland)).contains(new Totals.AtLocation(auckland, 1, 5.0));
        assertThat(at(totals, losAngeles)).contains(new Totals.AtLocation(losAngeles, 1, 7.0));
        assertThat(at(totals, null)).contains(new Totals.AtLocation(null, 1, 2.0));
        // The server's next midnight comes first of these three; other tests' locations may bring one sooner.
        assertThat(totals.validUntil()).isAfter(NOW).isBeforeOrEqualTo(Instant.parse("2026-03-11T00:00:00Z"));

        Totals afterUtcMidnight = dashboard.totals(Instant.parse("2026-03-11T00:30:00Z"), ZoneOffset.UTC);
        assertThat(at(afterUtcMidnight, null)).isEmpty();
        assertThat(at(afterUtcMidnight, auckland)).contains(new Totals.AtLocation(auckland, 1, 5.0));
        assertThat(at(afterUtcMidnight, losAngeles)).contains(new Totals.AtLocation(losAngeles, 1, 7.0));
    }

    private long location(String timeZone) throws Exception {
        return json.readTree(chargers.http().postJson("/api/locations", Http.basic(ADMIN, ADMIN_PASSWORD),
                "{\"name\": \"%s %d\", \"timeZone\": \"%s\"}".formatted(timeZone, System.nanoTime(), timeZone))
                .body()).get("id").asLong();
    }

    private void finishedSession(String chargerId, String requestedAt, double energyWh) {
        Timestamp at = Timestamp.from(Instant.parse(requestedAt));
        jdbc.sql("""
                        INSERT INTO charging_session (charger_id, connector_id, started_by, state, requested_at,
                                                      started_at, stopped_at, energy_wh)
                        VALUES (?, 1, 'OPERATOR', 'FINISHED', ?, ?, ?, ?)""")
                .params(chargerId, at, at, at, energyWh).update();
    }

    private void neverStarted(String chargerId, String requestedAt) {
        jdbc.sql("""
                        INSERT INTO charging_session (charger_id, connector_id, started_by, state, requested_at)
                        VALUES (?, 1, 'OPERATOR', 'REFUSED', ?)""")
                .params(chargerId, Timestamp.from(Instant.parse(requestedAt))).update();
    }

    private static Optional<Totals.AtLocation> at(Totals totals, Long locationId) {
        return totals.locations().stream().filter(t -> Objects.equals(t.locationId(), locationId)).findFirst();
    }
}
