package org.chargeflow.meter;

import org.chargeflow.platform.database.RowRetention;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MeterProperties.class)
class MeterConfiguration {

    /** Raw meter values grow by millions of rows a day; sessions keep their energy and latest reading on their own row. */
    @Bean(destroyMethod = "close")
    RowRetention meterValueRetention(JdbcTemplate jdbc, MeterProperties properties, Clock clock) {
        return new RowRetention(jdbc, "meter_value", properties.retention()).checkEvery(properties.retentionCheck(), clock);
    }
}
