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
 *
 * <p>The browser sends the session cookie with any request, also one another site makes it send: a request
 * authenticated by the session that changes something must carry the header {@value #CSRF_HEADER}, which
 * a page of another origin cannot set (it needs a CORS preflight, which this application never allows).
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

    static final String REALM = "ChargeFlow";
    static final String CSRF_HEADER = "X-Requested-With";
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
        Optional<AuthenticatedUser> basic = fromBasicHeader(request);
        Optional<AuthenticatedUser> user = basic.or(() -> fromWebappSession(request));
        if (user.isEmpty() && opensDashboardPage(request)) {
            sendLoginHint(request, response);
            return;
        }
        if (user.isEmpty()) {
            // No Basic challenge for a browser's page load: a password typed into the browser's own dialog
            // would be sent with every later request to us, cross-site requests included (CSRF).
            if (!acceptsHtml(request)) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            }
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "Log in with a Camunda user (HTTP Basic or a Camunda web app session)");
            return;
        }
        if (basic.isEmpty() && !SAFE_METHODS.contains(request.getMethod()) && isBlank(request.getHeader(CSRF_HEADER))) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "A request authenticated by the browser"
                    + " session must send the header " + CSRF_HEADER + " (protection against cross-site request forgery)");
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

    /** A browser (not a script, not the page's own scripts and styles) opening the dashboard. */
    private static boolean opensDashboardPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "GET".equals(request.getMethod()) && (path.equals("/dashboard") || path.startsWith("/dashboard/"))
                && acceptsHtml(request);
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    /**
     * A page that sends the user to the Camunda login rather than a bare 401. Still 401, but without
     * WWW-Authenticate: the browser's own Basic dialog would make it send the password with every request.
     */
    private static void sendLoginHint(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String context = request.getContextPath();
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>ChargeFlow dashboard: please log in</title></head>
                <body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem">
                <h1>ChargeFlow dashboard</h1>
                <p>You are not logged in. The dashboard uses the same users and login as Camunda Tasklist.</p>
                <p><a id="login" href="%1$s/camunda/app/tasklist/">Log in with Camunda Tasklist</a>,
                then open <a href="%1$s/dashboard/">the dashboard</a> again.</p>
                </body></html>
                """.formatted(context));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
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
