package io.backstory.drafts;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import io.backstory.accounts.CurrentMember;
import io.backstory.platform.web.AcceptsLapsedSession;
import io.backstory.platform.web.SiteOrigin;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/**
 * The drafts page (open, discard), the endpoint the writing forms save to as the member types, and what a writing
 * form sent after the login ran out arrives at ({@link LapsedSessions}): its text is kept and given back after login.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DraftPages {

    /** The writing forms name themselves with this field: the address of their page. */
    public static final String FORM_FIELD = "draft-form";
    /** Sent by js/drafts.js with each save as the member types; such saves answer without a page. */
    static final String AUTOSAVE_HEADER = "X-Backstory-Autosave";
    /** Holds the key of the texts this browser kept after a login ran out (only /drafts pages read it). */
    static final String KEPT_COOKIE = "backstory-kept";
    static final String LAPSED_PATH = "/drafts/lapsed";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance drafts(List<Draft> drafts, int max);

        static native TemplateInstance discard(Draft draft);

        static native TemplateInstance kept(boolean kept);
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DraftService drafts;
    private final DraftSeal seal;
    private final CurrentMember viewer;
    private final SiteOrigin site;

    DraftPages(DraftService drafts, DraftSeal seal, CurrentMember viewer, SiteOrigin site) {
        this.drafts = drafts;
        this.seal = seal;
        this.viewer = viewer;
        this.site = site;
    }

    @GET
    @Path("drafts")
    @RolesAllowed("member")
    public TemplateInstance list() {
        return Templates.drafts(drafts.list(viewer.id()), drafts.perMember());
    }

    /**
     * Saves the form as the member types (js/drafts.js): 204; 205 (Reset Content) when the form was sent and saved after
     * the autosave's page was opened, so the text is already where it belongs and the browser's copy can go; or a
     * refusal the script shows beside the form.
     */
    @POST
    @Path("drafts")
    @RolesAllowed("member")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_PLAIN)
    public Response autosave(MultivaluedMap<String, String> fields) {
        boolean saved = drafts.autosave(viewer.id(), fields.getFirst(FORM_FIELD),
                DraftSeal.pageOpened(fields.getFirst(DraftSeal.OPENED_FIELD)), fields);
        return saved ? Response.noContent().build() : Response.status(Response.Status.RESET_CONTENT).build();
    }

    @GET
    @Path("drafts/{id}/discard")
    @RolesAllowed("member")
    public TemplateInstance confirmDiscard(@PathParam("id") long id) {
        return Templates.discard(drafts.get(viewer.id(), id));
    }

    @POST
    @Path("drafts/{id}/discard")
    @RolesAllowed("member")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response discard(@PathParam("id") long id) {
        drafts.discard(viewer.id(), id);
        return Response.seeOther(URI.create("/drafts")).build();
    }

    /**
     * A form sent after the login ran out, re-sent here by the browser (a 307 from {@link LapsedSessions}). A writing
     * form's text is kept for the member its owner seal names, under a random key in this browser's cookie, and the
     * member is asked to log in: never the login server's page in place of an answer, which the browser would block.
     */
    @POST
    @Path("drafts/lapsed")
    @PermitAll
    @AcceptsLapsedSession
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response lapsed(MultivaluedMap<String, String> fields, @CookieParam(KEPT_COOKIE) String claimKey,
            @HeaderParam(AUTOSAVE_HEADER) String autosave, @HeaderParam("HX-Request") String htmx, RoutingContext routing) {
        String key = claimKey != null && claimKey.length() == 43 ? claimKey : newKey();
        boolean kept = !viewer.isLoggedIn()
                && drafts.keep(key, seal.owner(fields.getFirst(DraftSeal.FIELD)), fields.getFirst(FORM_FIELD), fields);
        Response.ResponseBuilder answer = autosave != null
                ? Response.status(401).type(MediaType.TEXT_PLAIN_TYPE).entity("Your login ran out. Your text is kept: log in to continue.")
                : Response.ok(Templates.kept(kept));
        if (htmx != null) {
            // A form sent in place (the comment form): show this page's message instead of the thread.
            answer.header("HX-Retarget", "#main").header("HX-Reswap", "innerHTML").header("HX-Reselect", "#lapsed");
        }
        if (kept) {
            answer.cookie(new NewCookie.Builder(KEPT_COOKIE).value(key).path("/drafts").maxAge(24 * 60 * 60)
                    .httpOnly(true).secure(site.of(routing.request()).startsWith("https:"))
                    .sameSite(NewCookie.SameSite.LAX).build());
        }
        return answer.header("Cache-Control", "no-store").build();
    }

    /**
     * After logging in again: the texts this browser kept for this member become their drafts, and they go back to
     * the form of the latest, where it is filled in again.
     */
    @GET
    @Path("drafts/claim")
    @RolesAllowed("member")
    public Response claim(@CookieParam(KEPT_COOKIE) String claimKey) {
        Optional<String> form = claimKey == null ? Optional.empty() : drafts.claim(viewer.id(), claimKey);
        return Response.seeOther(URI.create(form.orElse("/drafts"))).build();
    }

    private static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }
}
