package org.chargeflow.support;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application on a random port against a real MariaDB: the one named by
 * SPRING_DATASOURCE_URL, else the local server at 127.0.0.1:3306 if it answers, else the embedded one.
 * Every test run (JVM) gets its own fresh database, dropped at exit.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chargeflow.database.fresh-schema=true",
        "chargeflow.database.local-server-url=jdbc:mariadb://127.0.0.1:3306/",
        "chargeflow.embedded-db.data-dir=target/embedded-mariadb/data",
        "camunda.bpm.admin-user.id=" + IntegrationTest.ADMIN,
        "camunda.bpm.admin-user.password=" + IntegrationTest.ADMIN_PASSWORD,
        "chargeflow.ocpp.offline-grace=2s",
        "chargeflow.ocpp.last-seen-interval=1s",
        "chargeflow.ocpp.call-timeout=3s",
        // RowRetentionTest runs checks at times of its choosing (2020 on): the application's own, two minutes after the
        // start, then cut off at 2016 and remove nothing.
        "chargeflow.meter.retention=3650d",
        "chargeflow.meter.retention-check=3650d",
        "chargeflow.charger.event-retention=3650d",
        "chargeflow.charger.event-retention-check=3650d",
})
@Import({RecordedEvents.class, TestChargers.class, TestUsers.class})
public @interface IntegrationTest {
    String ADMIN = "itadmin";
    /** Only for the throw-away test database. */
    String ADMIN_PASSWORD = "it-admin-Secret-4711";
}
