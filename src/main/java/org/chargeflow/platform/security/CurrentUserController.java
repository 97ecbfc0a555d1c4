package org.chargeflow.platform.security;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;

/** Who is logged in and whether they may change things: the dashboard shows analysts no action they cannot take. */
@RestController
class CurrentUserController {

    /** The logged-in user, their groups, and whether writes on {@code /api} are open to them. */
    record CurrentUser(String id, List<String> groups, boolean mayChange) {
    }

    @GetMapping("/api/me")
    CurrentUser me(Principal principal) {
        AuthenticatedUser user = (AuthenticatedUser) principal;
        return new CurrentUser(user.id(), user.groupIds(), user.mayChange());
    }
}
