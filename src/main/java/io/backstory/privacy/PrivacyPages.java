package io.backstory.privacy;

import java.net.URI;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.backstory.accounts.CurrentMember;
import io.backstory.platform.web.FormSubmission;
import io.backstory.platform.web.FieldErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The privacy part of the settings: download my data, delete my account (after a confirmation). */
@Path("/")
@Authenticated
public class PrivacyPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance deleteAccount(FieldErrors errors);
    }

    private final PrivacyService privacy;
    private final CurrentMember viewer;
    private final ObjectMapper json;

    public PrivacyPages(PrivacyService privacy, CurrentMember viewer, ObjectMapper json) {
        this.privacy = privacy;
        this.viewer = viewer;
        this.json = json;
    }

    @GET
    @Path("settings/export")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export() throws JsonProcessingException {
        return Response.ok(json.writerWithDefaultPrettyPrinter().writeValueAsString(privacy.export(viewer.id())))
                .header("Content-Disposition", "attachment; filename=\"backstory-my-data.json\"").build();
    }

    @GET
    @Path("settings/delete")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance confirmDelete() {
        return Templates.deleteAccount(FieldErrors.NONE);
    }

    @POST
    @Path("settings/delete")
    @Produces(MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@FormParam("content") String content) {
        return FormSubmission.submit("content", () -> {
            privacy.delete(viewer.id(), PrivacyApi.keepContent(content));
            // End the session too, or the next page view would create a fresh profile for the same login.
            return Response.seeOther(URI.create("/logout")).build();
        }, refusal -> Templates.deleteAccount(refusal.errors()));
    }
}
