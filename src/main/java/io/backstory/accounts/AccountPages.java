package io.backstory.accounts;

import java.net.URI;
import java.time.Duration;

import io.backstory.platform.errors.UnavailableException;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.event.Event;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * `/login` checks that the identity provider answers, then `/login/start` runs the OIDC login (the endpoint
 * requires a session) and returns to the home page, or to the handle choice after the first login.
 */
@Path("/login")
public class AccountPages {

    private final CurrentMember viewer;
    private final LoginProvider provider;
    private final Event<MemberLoggedIn> loggedIn;

    public AccountPages(CurrentMember viewer, LoginProvider provider, Event<MemberLoggedIn> loggedIn) {
        this.viewer = viewer;
        this.provider = provider;
        this.loggedIn = loggedIn;
    }

    @GET
    public Response login() {
        if (!viewer.isLoggedIn() && !provider.reachable()) {
            throw new UnavailableException("Logging in is not possible right now",
                    "Our login service is not answering. Everything stays readable without logging in; "
                            + "please try again in a few minutes. Nothing you wrote earlier is lost.", Duration.ofMinutes(1));
        }
        return Response.seeOther(URI.create("/login/start")).build();
    }

    /** After the first login, the member picks the handle others will see. */
    @GET
    @Path("start")
    @Authenticated
    public Response start() {
        loggedIn.fire(new MemberLoggedIn(viewer.id(), viewer.verifiedEmail()));
        return Response.seeOther(URI.create(viewer.get().handleChosen ? "/" : "/settings?welcome=true")).build();
    }
}
