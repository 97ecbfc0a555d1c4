package org.chargeflow.ocpp;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Tuning of the OCPP endpoint ({@code chargeflow.ocpp.*}).
 *
 * @param heartbeatInterval  interval given to newly registered chargers in BootNotification
 * @param offlineGrace       how long past its heartbeat interval a silent charger still counts as online
 * @param pingInterval       WebSocket ping period (a pong counts as a sign of life); zero disables pings
 * @param lastSeenInterval   how often connected chargers' last-seen times are stored (connecting and
 *                           disconnecting store the exact time at once)
 * @param callTimeout        how long a call to a charger may wait for its answer
 * @param maxFrameBytes      largest accepted text message in characters (whole or in fragments); a larger one
 *                           closes the connection (1009)
 * @param maxQueuedCalls     calls to one charger that may wait behind the one in flight
 * @param maxPendingInbound  calls from one charger that may wait to be processed
 * @param workerThreads      threads that process inbound messages (they may wait on the database)
 * @param publicUrl          the endpoint as chargers reach it, e.g. wss://charge.example.com/ocpp (shown when registering)
 */
@ConfigurationProperties("chargeflow.ocpp")
public record OcppProperties(Duration heartbeatInterval, Duration offlineGrace, Duration pingInterval,
                             Duration lastSeenInterval, Duration callTimeout, int maxFrameBytes, int maxQueuedCalls, int maxPendingInbound,
                             int workerThreads, String publicUrl) {
}
