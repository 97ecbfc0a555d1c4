package org.chargeflow.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboard page (plain HTML, script and style in {@code static/dashboard/}) and its live stream.
 * Both are behind the API login (see {@code SecurityConfiguration}); the page acts through the process
 * endpoints of {@code workflow.ProcessActionsController}.
 */
@Controller
class DashboardController {

    /** Nothing but our own script, style and stream: whatever a charger reports can never run as script. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final DashboardFeed feed;

    DashboardController(DashboardFeed feed) {
        this.feed = feed;
    }

    /** The page's relative links (script, style, API) need the trailing slash. */
    @GetMapping("/dashboard")
    String withSlash() {
        return "redirect:/dashboard/";
    }

    @GetMapping("/dashboard/")
    String page(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Cache-Control", "no-cache");
        return "forward:/dashboard/index.html";
    }

    @GetMapping(path = "/api/dashboard/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events() {
        return feed.subscribe();
    }
}
