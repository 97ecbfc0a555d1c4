package org.chargeflow.session;

import org.chargeflow.meter.MeterSample;
import org.chargeflow.meter.MeterValueRepository;
import org.chargeflow.platform.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Charging sessions, whoever started them: the list with filters, and one session with its meter values. */
@RestController
@RequestMapping("/api/sessions")
class SessionController {

    private static final int MAX_PAGE = 500;

    private final SessionRepository sessions;
    private final MeterValueRepository meterValues;

    SessionController(SessionRepository sessions, MeterValueRepository meterValues) {
        this.sessions = sessions;
        this.meterValues = meterValues;
    }

    /** One session, with the link to its process instance in Cockpit. */
    record SessionDetail(ChargingSession session, String cockpitUrl, List<MeterSample> meterValues) {
    }

    @GetMapping
    List<ChargingSession> list(@RequestParam(required = false) String chargerId,
                               @RequestParam(required = false) Long locationId,
                               @RequestParam(required = false) Long vehicleId,
                               @RequestParam(required = false) SessionState state,
                               @RequestParam(required = false) Instant from,
                               @RequestParam(required = false) Instant to,
                               @RequestParam(required = false) Long beforeId,
                               @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiException.invalid("limit", "1 to " + MAX_PAGE + " (got " + limit + ")");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.invalid("to", "must be after from");
        }
        return sessions.search(new SessionSearch(chargerId, locationId, vehicleId, state, from, to, beforeId, limit));
    }

    @GetMapping("/{id}")
    SessionDetail get(@PathVariable long id) {
        ChargingSession session = sessions.find(id)
                .orElseThrow(() -> ApiException.notFound("No session with id " + id));
        String cockpit = session.processInstanceId() == null ? null
                : "/camunda/app/cockpit/default/#/process-instance/" + session.processInstanceId();
        List<MeterSample> values = session.transactionId() == null ? List.of()
                : meterValues.forTransaction(session.transactionId());
        return new SessionDetail(session, cockpit, values);
    }
}
