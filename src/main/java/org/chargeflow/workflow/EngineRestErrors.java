package org.chargeflow.workflow;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API answers every failed process start with 500. A start refused because of its
 * variables is the caller's mistake: answer it with 400 and the message naming the variable.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestErrors {

    @Bean
    ResourceConfigCustomizer invalidVariablesAreBadRequests() {
        return config -> config.register(InvalidVariableHandler.class);
    }

    @Priority(1)
    public static class InvalidVariableHandler extends RestExceptionHandler {

        @Override
        public Response toResponse(RestException exception) {
            return InvalidVariable.causeOf(exception)
                    .map(invalid -> Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(ExceptionDto.fromException(invalid)).build())
                    .orElseGet(() -> super.toResponse(exception));
        }
    }
}
