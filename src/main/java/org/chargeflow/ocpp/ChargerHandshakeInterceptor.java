package org.chargeflow.ocpp;

import org.chargeflow.charger.ChargerAuthenticator;
import org.chargeflow.charger.ChargerCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Admits a charger at the WebSocket handshake: it must offer the {@code ocpp1.6} subprotocol and
 * prove its identity with HTTP Basic (user = the charge point id in the URL, password = its
 * authorization key), OCPP Security Profile 1. Refusals are logged with the id, never the password.
 */
@Component
class ChargerHandshakeInterceptor implements HandshakeInterceptor {

    static final String CHARGER = "chargeflow.charger";
    static final String SUBPROTOCOL = "ocpp1.6";
    private static final Logger log = LoggerFactory.getLogger(ChargerHandshakeInterceptor.class);

    private final ChargerAuthenticator authenticator;

    ChargerHandshakeInterceptor(ChargerAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        String path = request.getURI().getRawPath();
        String chargerId = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
        String address = String.valueOf(request.getRemoteAddress());
        if (!offersOcpp16(request.getHeaders())) {
            log.warn("Refused charger '{}' from {}: it offers no subprotocol we serve (need {})", chargerId, address, SUBPROTOCOL);
            response.setStatusCode(HttpStatus.BAD_REQUEST);
            return false;
        }
        Optional<ChargerCredentials> charger = basicCredentials(request.getHeaders())
                .filter(c -> c[0].equals(chargerId))
                .flatMap(c -> authenticator.authenticate(chargerId, c[1]));
        if (charger.isEmpty()) {
            log.warn("Refused charger '{}' from {}: unknown charge point id or wrong credentials", chargerId, address);
            response.getHeaders().add(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"OCPP\", charset=\"UTF-8\"");
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            return false;
        }
        attributes.put(CHARGER, charger.get());
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
        // nothing to do once the connection is up
    }

    private static boolean offersOcpp16(HttpHeaders headers) {
        return headers.getOrEmpty("Sec-WebSocket-Protocol").stream()
                .flatMap(h -> Arrays.stream(h.split(",")))
                .anyMatch(p -> p.trim().equalsIgnoreCase(SUBPROTOCOL));
    }

    /** {user, password} from an HTTP Basic header; the password may contain colons. */
    private static Optional<String[]> basicCredentials(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (value == null || !value.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new String[]{decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
