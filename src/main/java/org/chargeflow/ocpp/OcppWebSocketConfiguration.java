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
     * Tomcat gives every connection a text and a binary message buffer of these sizes up front, so they are small:
     * with 10,000 chargers connected, each KB here is 10 MB of heap. A text message larger than its buffer reaches
     * {@link OcppWebSocketHandler} in parts, which {@link TextMessageParts} joins up to the frame limit. OCPP-J sends
     * no binary frames, and the first part of one closes the connection. Text frames are decoded through the binary
     * buffer in pieces of its size, so it is as large as Tomcat's input buffer (8 KB) and the text buffer holds what
     * one such piece decodes to.
     */
    private static final int BINARY_BUFFER_BYTES = 8192;
    private static final int TEXT_BUFFER_CHARS = 8192;

    /** A factory bean may be created before configuration properties are bound: read the limit directly. */
    @Bean
    static ServletServerContainerFactoryBean webSocketContainer(Environment environment) {
        int maxFrameChars = environment.getRequiredProperty("chargeflow.ocpp.max-frame-bytes", Integer.class);
        var container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(Math.min(TEXT_BUFFER_CHARS, maxFrameChars));
        container.setMaxBinaryMessageBufferSize(BINARY_BUFFER_BYTES);
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
