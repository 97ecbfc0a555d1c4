package org.chargeflow.platform.web;

import org.springframework.http.HttpStatus;

/** A request the API refuses, with the status and a message that says what to fix. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    private ApiException(HttpStatus status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, field, field + ": " + message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, null, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, null, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }
}
