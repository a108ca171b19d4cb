package io.backstory.taxonomy;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.backstory.platform.text.MemberText;
import io.backstory.platform.text.VisibleText;

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

    /** What a moderator sends for a condition or a remedy alike; each family adds its own fields. */
    public interface TagRequest {
        String slug();

        String name();

        String description();

        List<String> synonyms();
    }

    @Schema(example = """
            {"slug": "piriformis-syndrome", "name": "Piriformis syndrome",
             "description": "A buttock muscle irritating the sciatic nerve.", "synonyms": ["piriformis"]}""")
    public record ConditionRequest(
            @NotBlank(message = "a slug is required") @Size(max = 80, message = "must be at most 80 characters")
            @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String slug,
            @MemberText(max = 120, multiLine = false, required = "a name is required") String name,
            @MemberText(max = 2000, required = "a description is required") String description,
            @MemberText(min = 0, max = 2000) String redFlags,
            @Size(max = 30, message = "at most 30 synonyms")
            List<@MemberText(max = 120, multiLine = false, required = "must not be empty") String> synonyms)
            implements TagRequest {

        /** Line breaks as the member's browser counts them (CR LF from forms is stored as LF). */
        public ConditionRequest {
            description = VisibleText.unixLineBreaks(description);
            redFlags = VisibleText.unixLineBreaks(redFlags);
        }
    }

    @Schema(example = """
            {"slug": "kinesio-tape", "name": "Kinesiology tape", "category": "DEVICE",
             "description": "Elastic tape applied to the skin.", "synonyms": ["KT tape"]}""")
    public record RemedyRequest(
            @NotBlank(message = "a slug is required") @Size(max = 80, message = "must be at most 80 characters")
            @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String slug,
            @MemberText(max = 120, multiLine = false, required = "a name is required") String name,
            @NotNull(message = "choose a category") RemedyCategory category,
            @MemberText(max = 2000, required = "a description is required") String description,
            @MemberText(min = 0, max = 2000) String caution,
            @Size(max = 30, message = "at most 30 synonyms")
            List<@MemberText(max = 120, multiLine = false, required = "must not be empty") String> synonyms)
            implements TagRequest {

        /** Line breaks as the member's browser counts them (CR LF from forms is stored as LF). */
        public RemedyRequest {
            description = VisibleText.unixLineBreaks(description);
            caution = VisibleText.unixLineBreaks(caution);
        }
    }

    @Schema(example = """
            {"kind": "REMEDY", "name": "Kinesiology tape", "category": "DEVICE", "note": "Several people in the sciatica threads use it."}""")
    public record SuggestionRequest(
            @NotNull(message = "say whether it is a condition or a remedy") TagSuggestion.Kind kind,
            @MemberText(min = 2, max = 120, multiLine = false, required = "a name is required") String name,
            RemedyCategory category,
            @MemberText(min = 0, max = 1000) String note) {

        /** Line breaks as the member's browser counts them (CR LF from forms is stored as LF). */
        public SuggestionRequest {
            name = VisibleText.unixLineBreaks(name);
            note = VisibleText.unixLineBreaks(note);
        }
    }

    /** A moderator's decision; an approval may correct the slug, description or category. */
    public record DecisionRequest(
            @NotNull(message = "approve or reject") Boolean approve,
            @Size(max = 80, message = "must be at most 80 characters") @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String slug,
            @Size(max = 2000, message = "must be at most 2000 characters") String description,
            RemedyCategory category,
            @MemberText(min = 0, max = 1000) String reason) {

        /** Line breaks as the member's browser counts them (CR LF from forms is stored as LF). */
        public DecisionRequest {
            reason = VisibleText.unixLineBreaks(reason);
        }
    }
}
