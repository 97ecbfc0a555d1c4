package org.chargeflow.charger;

import org.chargeflow.platform.database.RowRetention;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChargerEventProperties.class)
class ChargerConfiguration {

    /** A charger may send DataTransfer as often as it likes; every report is kept, but not for ever. */
    @Bean(destroyMethod = "close")
    RowRetention chargerEventRetention(JdbcTemplate jdbc, ChargerEventProperties properties, Clock clock) {
        return new RowRetention(jdbc, "charger_event", properties.eventRetention())
                .checkEvery(properties.eventRetentionCheck(), clock);
    }
}
