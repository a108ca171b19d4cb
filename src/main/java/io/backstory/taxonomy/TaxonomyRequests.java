package io.backstory.taxonomy;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the taxonomy API. */
public final class TaxonomyRequests {

    private TaxonomyRequests() {
    }

    static final String SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";
    static final String SLUG_MESSAGE = "use lowercase letters, digits and single hyphens, like 'herniated-disc'";

    @Schema(example = """
            {"slug": "piriformis-syndrome", "name": "Piriformis syndrome",
             "description": "A buttock muscle irritating the sciatic nerve.", "synonyms": ["piriformis"]}""")
    public record ConditionRequest(
            @NotBlank(message = "a slug is required") @Size(max = 80, message = "must be at most 80 characters")
            @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String slug,
            @NotBlank(message = "a name is required") @Size(max = 120, message = "must be at most 120 characters") String name,
            @NotBlank(message = "a description is required") @Size(max = 2000, message = "must be at most 2000 characters") String description,
            @Size(max = 2000, message = "must be at most 2000 characters") String redFlags,
            @Size(max = 30, message = "at most 30 synonyms")
            List<@NotBlank(message = "must not be empty") @Size(max = 120, message = "must be at most 120 characters") String> synonyms) {
    }

    @Schema(example = """
            {"slug": "kinesio-tape", "name": "Kinesiology tape", "category": "DEVICE",
             "description": "Elastic tape applied to the skin.", "synonyms": ["KT tape"]}""")
    public record RemedyRequest(
            @NotBlank(message = "a slug is required") @Size(max = 80, message = "must be at most 80 characters")
            @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String slug,
            @NotBlank(message = "a name is required") @Size(max = 120, message = "must be at most 120 characters") String name,
            @NotNull(message = "choose a category") RemedyCategory category,
            @NotBlank(message = "a description is required") @Size(max = 2000, message = "must be at most 2000 characters") String description,
            @Size(max = 2000, message = "must be at most 2000 characters") String caution,
            @Size(max = 30, message = "at most 30 synonyms")
            List<@NotBlank(message = "must not be empty") @Size(max = 120, message = "must be at most 120 characters") String> synonyms) {
    }

    @Schema(example = """
            {"kind": "REMEDY", "name": "Kinesiology tape", "category": "DEVICE", "note": "Several people in the sciatica threads use it."}""")
    public record SuggestionRequest(
            @NotNull(message = "say whether it is a condition or a remedy") TagSuggestion.Kind kind,
            @NotBlank(message = "a name is required") @Size(min = 2, max = 120, message = "must be between 2 and 120 characters") String name,
            RemedyCategory category,
            @Size(max = 1000, message = "must be at most 1000 characters") String note) {
    }

    /** A moderator's decision; an approval may correct the slug, description or category. */
    public record DecisionRequest(
            @NotNull(message = "approve or reject") Boolean approve,
            @Size(max = 80, message = "must be at most 80 characters") @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String slug,
            @Size(max = 2000, message = "must be at most 2000 characters") String description,
            RemedyCategory category,
            @Size(max = 1000, message = "must be at most 1000 characters") String reason) {
    }
}
