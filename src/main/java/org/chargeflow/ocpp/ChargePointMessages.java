package org.chargeflow.ocpp;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.chargeflow.charger.BootInfo;
import org.chargeflow.charger.ChargerRepository;
import org.chargeflow.charger.ChargerRepository.ReportedStatus;
import org.chargeflow.charger.ConnectorStatus;
import org.chargeflow.events.ChargerEvents;
import org.chargeflow.idtag.IdTagAuthorization;
import org.chargeflow.idtag.IdTagRepository;
import org.chargeflow.meter.MeterSample;
import org.chargeflow.meter.MeterValueRepository;
import org.chargeflow.ocpp.v16.AuthorizationStatus;
import org.chargeflow.ocpp.v16.Authorize;
import org.chargeflow.ocpp.v16.BootNotification;
import org.chargeflow.ocpp.v16.DataTransfer;
import org.chargeflow.ocpp.v16.DataTransferStatus;
import org.chargeflow.ocpp.v16.DiagnosticsStatusNotification;
import org.chargeflow.ocpp.v16.FirmwareStatusNotification;
import org.chargeflow.ocpp.v16.Heartbeat;
import org.chargeflow.ocpp.v16.IdTagInfo;
import org.chargeflow.ocpp.v16.MeterValue;
import org.chargeflow.ocpp.v16.MeterValues;
import org.chargeflow.ocpp.v16.RegistrationStatus;
import org.chargeflow.ocpp.v16.StartTransaction;
import org.chargeflow.ocpp.v16.StatusNotification;
import org.chargeflow.ocpp.v16.StopTransaction;
import org.chargeflow.transaction.ChargingTransaction;
import org.chargeflow.transaction.TransactionRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static java.util.concurrent.CompletableFuture.completedFuture;

/**
 * What the central system does with each message a charge point sends: store it, then publish it
 * as a {@link ChargerEvents domain event}, then confirm. Runs on the OCPP worker threads; what follows a
 * committed write (publishing, confirming) runs on the committer's after-commit threads, never on the
 * database writer thread.
 */
@Component
class ChargePointMessages {

    private final ChargerRepository chargers;
    private final IdTagRepository idTags;
    private final TransactionRepository transactions;
    private final MeterValueRepository meterValues;
    private final MeterReadings meterReadings;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    ChargePointMessages(ChargerRepository chargers, IdTagRepository idTags, TransactionRepository transactions,
                        MeterValueRepository meterValues, MeterReadings meterReadings, ApplicationEventPublisher events,
                        ObjectMapper json, Clock clock) {
        this.chargers = chargers;
        this.idTags = idTags;
        this.transactions = transactions;
        this.meterValues = meterValues;
        this.meterReadings = meterReadings;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    CompletableFuture<BootNotification.Confirmation> bootNotification(String chargerId, BootNotification.Request r) {
        int interval = chargers.credentials(chargerId).orElseThrow().heartbeatIntervalSeconds();
        Instant now = clock.instant();
        return chargers.recordBoot(chargerId, new BootInfo(r.chargePointVendor(), r.chargePointModel(),
                        r.chargePointSerialNumber(), r.chargeBoxSerialNumber(), r.firmwareVersion(), r.iccid(), r.imsi(),
                        r.meterType(), r.meterSerialNumber()), now)
                .thenApply(stored -> {
                    events.publishEvent(new ChargerEvents.Booted(chargerId, now));
                    return new BootNotification.Confirmation(RegistrationStatus.Accepted, now, interval);
                });
    }

    CompletableFuture<Heartbeat.Confirmation> heartbeat(String chargerId, Heartbeat.Request r) {
        return completedFuture(new Heartbeat.Confirmation(clock.instant()));
    }

    CompletableFuture<StatusNotification.Confirmation> statusNotification(String chargerId, StatusNotification.Request r) {
        Instant at = r.timestamp() != null ? r.timestamp() : clock.instant();
        String status = OcppEnums.wire(r.status());
        String errorCode = OcppEnums.wire(r.errorCode());
        return chargers.saveConnectorStatus(new ConnectorStatus(chargerId, r.connectorId(), status, errorCode,
                        r.info(), r.vendorId(), r.vendorErrorCode(), at))
                .thenApply(stored -> {
                    events.publishEvent(new ChargerEvents.ConnectorStatusChanged(chargerId, r.connectorId(), status,
                            errorCode, r.info(), at));
                    return new StatusNotification.Confirmation();
                });
    }

    CompletableFuture<Authorize.Confirmation> authorize(String chargerId, Authorize.Request r) {
        return completedFuture(new Authorize.Confirmation(idTagInfo(idTags.authorize(r.idTag()))));
    }

    CompletableFuture<StartTransaction.Confirmation> startTransaction(String chargerId, StartTransaction.Request r) {
        IdTagAuthorization tag = concurrencyChecked(idTags.authorize(r.idTag()), chargerId, r);
        return transactions.start(chargerId, r.connectorId(), r.idTag(), tag.status(), r.meterStart(),
                        r.timestamp(), r.reservationId())
                .thenApply(transactionId -> {
                    events.publishEvent(new ChargerEvents.TransactionStarted(chargerId, r.connectorId(), transactionId,
                            r.idTag(), tag.accepted(), r.meterStart(), r.timestamp()));
                    return new StartTransaction.Confirmation(idTagInfo(tag), transactionId);
                });
    }

    private IdTagAuthorization concurrencyChecked(IdTagAuthorization tag, String chargerId, StartTransaction.Request r) {
        if (tag.accepted() && transactions.inUseElsewhere(r.idTag(), chargerId, r.connectorId())) {
            return new IdTagAuthorization(OcppEnums.wire(AuthorizationStatus.ConcurrentTx), tag.expiryDate(), tag.parentIdTag());
        }
        return tag;
    }

    CompletableFuture<StopTransaction.Confirmation> stopTransaction(String chargerId, StopTransaction.Request r) {
        String reason = r.reason() == null ? "Local" : OcppEnums.wire(r.reason());
        IdTagInfo tag = r.idTag() == null ? null : idTagInfo(idTags.authorize(r.idTag()));
        Optional<ChargingTransaction> known = transactions.find(r.transactionId())
                .filter(t -> t.chargerId().equals(chargerId));
        if (known.isEmpty()) {
            // OCPP: the central system must still accept it, or the charger retries forever.
            return completedFuture(new StopTransaction.Confirmation(tag));
        }
        List<MeterSample> samples = meterReadings.stopSamples(chargerId, known.get().connectorId(), r.transactionId(),
                r.transactionData());
        CompletableFuture<Void> stopped = transactions.stop(r.transactionId(), chargerId, r.meterStop(), r.timestamp(),
                reason, r.idTag());
        return CompletableFuture.allOf(stopped, meterValues.store(samples)).thenApply(stored -> {
            events.publishEvent(new ChargerEvents.TransactionStopped(chargerId, r.transactionId(), r.meterStop(),
                    reason, r.timestamp()));
            return new StopTransaction.Confirmation(tag);
        });
    }

    CompletableFuture<MeterValues.Confirmation> meterValues(String chargerId, MeterValues.Request r) {
        List<MeterValue> values = r.meterValue();
        List<MeterSample> samples = meterReadings.samples(chargerId, r.connectorId(), r.transactionId(), values);
        return meterValues.store(samples).thenApply(stored -> {
            meterReadings.latest(chargerId, r.connectorId(), r.transactionId(), samples).ifPresent(events::publishEvent);
            return new MeterValues.Confirmation();
        });
    }

    CompletableFuture<DataTransfer.Confirmation> dataTransfer(String chargerId, DataTransfer.Request r) {
        // No vendor extensions are implemented: keep the message and say so.
        return chargers.recordReport(chargerId, "DataTransfer", json.valueToTree(r).toString(), null, null)
                .thenApply(stored -> new DataTransfer.Confirmation(DataTransferStatus.UnknownVendorId, null));
    }

    CompletableFuture<DiagnosticsStatusNotification.Confirmation> diagnosticsStatus(
            String chargerId, DiagnosticsStatusNotification.Request r) {
        return chargers.recordReport(chargerId, "DiagnosticsStatusNotification", json.valueToTree(r).toString(),
                ReportedStatus.DIAGNOSTICS, OcppEnums.wire(r.status()))
                .thenApply(stored -> new DiagnosticsStatusNotification.Confirmation());
    }

    CompletableFuture<FirmwareStatusNotification.Confirmation> firmwareStatus(
            String chargerId, FirmwareStatusNotification.Request r) {
        return chargers.recordReport(chargerId, "FirmwareStatusNotification", json.valueToTree(r).toString(),
                ReportedStatus.FIRMWARE, OcppEnums.wire(r.status()))
                .thenApply(stored -> new FirmwareStatusNotification.Confirmation());
    }

    private static IdTagInfo idTagInfo(IdTagAuthorization tag) {
        return new IdTagInfo(tag.expiryDate(), tag.parentIdTag(), AuthorizationStatus.valueOf(tag.status()));
    }
}
