package org.chargeflow.ocpp;

import org.chargeflow.platform.DaemonThreads;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Serves OCPP-J at {@code /ocpp/{chargePointId}} on the application's port. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties(OcppProperties.class)
class OcppWebSocketConfiguration implements WebSocketConfigurer {

    private final OcppWebSocketHandler handler;
    private final ChargerHandshakeInterceptor handshake;

    OcppWebSocketConfiguration(OcppWebSocketHandler handler, ChargerHandshakeInterceptor handshake) {
        this.handler = handler;
        this.handshake = handshake;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // Chargers are not browsers: an Origin header, if any, means nothing here.
        registry.addHandler(handler, "/ocpp/*").addInterceptors(handshake).setAllowedOriginPatterns("*");
    }

    /**
     * Tomcat gives every connection a text and a binary message buffer of these sizes up front. OCPP-J sends text
     * only, and a binary frame closes the connection whatever its size, so the binary buffer need not hold a whole
     * frame. Text frames are decoded through it, though, in pieces of its size: as large as Tomcat's input buffer
     * (8 KB), text decodes as before, and each charger needs 56 KB less (560 MB less with 10,000 connected).
     */
    private static final int MAX_BINARY_FRAME_BYTES = 8192;

    /** A factory bean may be created before configuration properties are bound: read the limit directly. */
    @Bean
    static ServletServerContainerFactoryBean webSocketContainer(Environment environment) {
        int maxFrameBytes = environment.getRequiredProperty("chargeflow.ocpp.max-frame-bytes", Integer.class);
        var container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(maxFrameBytes);
        container.setMaxBinaryMessageBufferSize(MAX_BINARY_FRAME_BYTES);
        return container;
    }

    @Bean(name = "ocppWorkers", destroyMethod = "shutdown")
    static ExecutorService ocppWorkers(OcppProperties properties) {
        return Executors.newFixedThreadPool(properties.workerThreads(), DaemonThreads.named("ocpp-worker-"));
    }

    @Bean(name = "ocppTimer", destroyMethod = "shutdown")
    static ScheduledExecutorService ocppTimer() {
        return Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("ocpp-timer-"));
    }
}
