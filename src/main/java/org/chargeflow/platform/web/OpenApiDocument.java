package org.chargeflow.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Title and login of the OpenAPI document served at /api/openapi.json (behind the same login as the API). */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    @Bean
    OpenAPI chargeFlowApi() {
        return new OpenAPI()
                .info(new Info().title("ChargeFlow API")
                        .description("Locations, chargers and connectors, vehicles, id tags and charging sessions. "
                                + "HTTP Basic with a Camunda user; changes need the group operators or admins."))
                .components(new Components().addSecuritySchemes("camundaUser",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("camundaUser"));
    }
}
