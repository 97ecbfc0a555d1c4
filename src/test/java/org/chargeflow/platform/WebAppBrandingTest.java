package org.chargeflow.platform;

import org.chargeflow.support.Http;
import org.chargeflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Our config.js and user-styles.css replace Camunda's in all four web apps (the browser tests look at two of them). */
@IntegrationTest
class WebAppBrandingTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyWebAppCarriesTheProductNameAndHidesTheEndOfLifeBanner(String app) {
        Http http = new Http(port);
        HttpResponse<String> config = http.get("/camunda/app/" + app + "/scripts/config.js");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("vendor: 'ChargeFlow'");
        HttpResponse<String> styles = http.get("/camunda/app/" + app + "/styles/user-styles.css");
        assertThat(styles.statusCode()).isEqualTo(200);
        assertThat(styles.body()).contains("@import url(\"../../chargeflow.css\")");
    }

    @Test
    void theSharedStylesHideTheBannerAndTasklistLinksToTheDashboard() {
        Http http = new Http(port);
        assertThat(http.get("/camunda/app/chargeflow.css").body()).contains(".ce-eol-banner").contains("display: none");
        assertThat(http.get("/camunda/app/tasklist/scripts/dashboard-link.js").body()).contains("'../dashboard'");
    }
}
