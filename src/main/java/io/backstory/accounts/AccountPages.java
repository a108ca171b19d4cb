package io.backstory.accounts;

import java.net.URI;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** `/login` starts the OIDC login (the endpoint requires a session) and then returns to the home page. */
@Path("/login")
public class AccountPages {

    private final CurrentMember viewer;

    public AccountPages(CurrentMember viewer) {
        this.viewer = viewer;
    }

    /** After the first login, the member picks the handle others will see. */
    @GET
    @Authenticated
    public Response login() {
        return Response.seeOther(URI.create(viewer.get().handleChosen ? "/" : "/settings?welcome=true")).build();
    }
}
