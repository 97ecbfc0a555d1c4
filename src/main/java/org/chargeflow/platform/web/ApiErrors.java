package org.chargeflow.platform.web;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.camunda.bpm.engine.AuthorizationException;
import org.chargeflow.ocpp.ChargerCallException;
import org.chargeflow.ocpp.ChargerNotConnectedException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.stream.Collectors;

/** Every refused API request gets JSON {@code {status, error, message, field}}; nothing is changed. */
@RestControllerAdvice(basePackages = "org.chargeflow")
class ApiErrors {

    record Body(int status, String error, String message, String field) {
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Body> refused(ApiException e) {
        return body(e.status(), e.getMessage(), e.field());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Body> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String expected = m instanceof InvalidFormatException f ? " (got '" + f.getValue() + "')" : "";
            return body(HttpStatus.BAD_REQUEST, field + ": has the wrong type, expected "
                    + m.getTargetType().getSimpleName() + expected, field);
        }
        return body(HttpStatus.BAD_REQUEST, "The request body is not valid JSON", null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Body> wrongParameter(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return body(HttpStatus.BAD_REQUEST, e.getName() + ": has the wrong type, expected " + expected
                + " (got '" + e.getValue() + "')", e.getName());
    }

    /** Two requests raced for the same unique value, or a row is still referenced: the loser learns why. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Body> conflict(DataIntegrityViolationException e) {
        String message = e instanceof DuplicateKeyException ? "It already exists"
                : "It is still in use by other records";
        return body(HttpStatus.CONFLICT, message, null);
    }

    @ExceptionHandler(ChargerNotConnectedException.class)
    ResponseEntity<Body> notConnected(ChargerNotConnectedException e) {
        return body(HttpStatus.CONFLICT, e.getMessage(), null);
    }

    /** The charger refused, answered nonsense or did not answer in time. */
    @ExceptionHandler(ChargerCallException.class)
    ResponseEntity<Body> chargerFailed(ChargerCallException e) {
        return body(HttpStatus.BAD_GATEWAY, e.getMessage(), null);
    }

    /** The engine runs API calls as the logged-in user: what their Camunda authorizations forbid. */
    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<Body> forbidden(AuthorizationException e) {
        return body(HttpStatus.FORBIDDEN, e.getMessage(), null);
    }

    private static ResponseEntity<Body> body(HttpStatus status, String message, String field) {
        return ResponseEntity.status(status).body(new Body(status.value(), status.getReasonPhrase(), message, field));
    }
}
