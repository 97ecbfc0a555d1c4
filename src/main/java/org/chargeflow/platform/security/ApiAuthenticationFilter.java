package org.chargeflow.platform.security;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Guards our own endpoints (REST API, dashboard, metrics) with the Camunda users: HTTP Basic for
 * scripts, or the session of a user who logged into a Camunda web app in the same browser.
 * While the request runs, the user is also the engine's current authentication, so Camunda's
 * authorizations apply to whatever the request does in the engine.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

    static final String REALM = "ChargeFlow";
    private static final String ENGINE = "default";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final CamundaUserAuthenticator authenticator;
    private final IdentityService identityService;

    public ApiAuthenticationFilter(CamundaUserAuthenticator authenticator, IdentityService identityService) {
        this.authenticator = authenticator;
        this.identityService = identityService;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<AuthenticatedUser> user = fromBasicHeader(request).or(() -> fromWebappSession(request));
        if (user.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "Log in with a Camunda user (HTTP Basic or a Camunda web app session)");
            return;
        }
        AuthenticatedUser principal = user.get();
        if (!SAFE_METHODS.contains(request.getMethod()) && !principal.mayChange()) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                    "Only members of the groups operators or admins may change things; " + principal.id() + " may only read");
            return;
        }
        identityService.setAuthentication(principal.id(), principal.groupIds());
        try {
            chain.doFilter(new AuthenticatedRequest(request, principal), response);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static void refuse(HttpServletResponse response, int status, String error, String message) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setStatus(status);
        response.getWriter().write("{\"status\":" + status + ",\"error\":\"" + error + "\",\"message\":\""
                + new String(JsonStringEncoder.getInstance().quoteAsString(message)) + "\"}");
    }

    private Optional<AuthenticatedUser> fromBasicHeader(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? Optional.empty()
                : authenticator.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private Optional<AuthenticatedUser> fromWebappSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
        Authentication auth = auths == null ? null : auths.getAuthenticationForProcessEngine(ENGINE);
        return auth == null ? Optional.empty() : Optional.of(authenticator.load(auth.getIdentityId()));
    }

    private static final class AuthenticatedRequest extends HttpServletRequestWrapper {
        private final AuthenticatedUser user;

        AuthenticatedRequest(HttpServletRequest request, AuthenticatedUser user) {
            super(request);
            this.user = user;
        }

        @Override
        public String getRemoteUser() {
            return user.id();
        }

        @Override
        public Principal getUserPrincipal() {
            return user;
        }

        @Override
        public boolean isUserInRole(String role) {
            return user.isMemberOf(role);
        }
    }
}
