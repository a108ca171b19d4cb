package io.backstory.accounts;

import java.net.URI;

import io.backstory.platform.web.FieldErrors;
import io.backstory.platform.web.FormSubmission;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Member profiles, and the settings page where members choose their handle (first at login). */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ProfilePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance profile(ProfileService.Profile profile);

        static native TemplateInstance settings(String handle, boolean welcome, FieldErrors errors);
    }

    private final ProfileService profiles;
    private final MemberService members;
    private final CurrentMember viewer;

    public ProfilePages(ProfileService profiles, MemberService members, CurrentMember viewer) {
        this.profiles = profiles;
        this.members = members;
        this.viewer = viewer;
    }

    @GET
    @Path("members/{handle}")
    public TemplateInstance profile(@PathParam("handle") String handle) {
        return Templates.profile(profiles.profile(handle));
    }

    @GET
    @Path("settings")
    @Authenticated
    public TemplateInstance settings(@QueryParam("welcome") boolean welcome) {
        return Templates.settings(viewer.get().handle, welcome, FieldErrors.NONE);
    }

    @POST
    @Path("settings/handle")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeHandle(@FormParam("handle") String handle, @FormParam("welcome") boolean welcome) {
        return FormSubmission.submit("handle", () -> {
            Member member = members.changeHandle(viewer.id(), handle);
            return Response.seeOther(URI.create(welcome ? "/" : "/members/" + member.handle)).build();
        }, refusal -> Templates.settings(handle, welcome, refusal.errors()));
    }
}
