package io.backstory.taxonomy;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.backstory.taxonomy.TaxonomyRequests.TagRequest;
import io.backstory.taxonomy.TaxonomyViews.TagView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * A tag family's endpoints, written once: {@link ConditionApi} and {@link RemedyApi} each fix the types, so the OpenAPI
 * document still shows each family's own request and answer, and each call is one over its {@link TagFamily}.
 */
public abstract class TagFamilyApi<R extends TagRequest, V extends TagView> {

    private final TaxonomyService taxonomy;
    private final TagFamily<?, R, V> family;

    protected TagFamilyApi(TaxonomyService taxonomy, TagFamily<?, R, V> family) {
        this.taxonomy = taxonomy;
        this.family = family;
    }

    @GET
    @Operation(summary = "All of them, by name")
    public List<V> all() {
        return taxonomy.all(family);
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "One by its slug")
    public V one(@PathParam("slug") String slug) {
        return taxonomy.get(family, slug);
    }

    @POST
    @RolesAllowed({"moderator", "admin"})
    @Operation(summary = "Add one")
    public Response create(R request) {
        V created = taxonomy.create(family, request);
        return Response.created(URI.create("/api/v1" + family.path + created.slug())).entity(created).build();
    }

    @PUT
    @Path("{slug}")
    @RolesAllowed({"moderator", "admin"})
    @Operation(summary = "Edit one and replace its synonyms")
    public V update(@PathParam("slug") String slug, R request) {
        return taxonomy.update(family, slug, request);
    }
}
