package io.backstory.privacy;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.backstory.accounts.CurrentMember;
import io.backstory.platform.errors.InvalidInputException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Privacy", description = "Export your data, delete your account")
public class PrivacyApi {

    private final PrivacyService privacy;
    private final CurrentMember currentMember;

    public PrivacyApi(PrivacyService privacy, CurrentMember currentMember) {
        this.privacy = privacy;
        this.currentMember = currentMember;
    }

    @GET
    @Path("me/export")
    @Operation(summary = "Everything you wrote and did: posts, comments, votes, flags, suggestions, notifications")
    public Map<String, Object> export() {
        return privacy.export(currentMember.id());
    }

    @DELETE
    @Path("me")
    @Operation(summary = "Delete your account", description = "`content=keep` keeps your posts and comments as "
            + "\"former member\"; `content=remove` removes them. Votes, flags, notifications and your profile are erased.")
    public Response delete(@QueryParam("content") String content) {
        privacy.delete(currentMember.id(), keepContent(content));
        return Response.noContent().build();
    }

    static boolean keepContent(String choice) {
        if ("keep".equals(choice)) {
            return true;
        }
        if ("remove".equals(choice)) {
            return false;
        }
        throw new InvalidInputException("content", "choose 'keep' (as former member) or 'remove' for your posts and comments");
    }
}
