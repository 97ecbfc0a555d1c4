package org.chargeflow.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

    /** One clock for every time decision, so tests can reason about time without sleeping. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
