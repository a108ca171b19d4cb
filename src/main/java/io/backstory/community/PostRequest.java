package io.backstory.community;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a member sends to create or edit a post. */
@Schema(description = "A story, question or tip", example = """
        {"kind": "STORY", "title": "Threw my back out lifting a suitcase",
         "body": "Heat and short walks helped; the soft couch made it worse.",
         "conditions": ["muscle-spasm"],
         "remedies": [{"remedy": "heat", "outcome": "HELPED"}, {"remedy": "short-rest", "outcome": "WORSE"}]}""")
public record PostRequest(
        @NotNull(message = "choose story, question or tip") PostKind kind,
        @NotBlank(message = "a title is required")
        @Size(min = 10, max = 200, message = "must be between 10 and 200 characters") String title,
        @NotBlank(message = "write something")
        @Size(max = 40_000, message = "must be at most 40000 characters") String body,
        @NotNull(message = "tag at least one condition")
        @Size(min = 1, max = 5, message = "tag between 1 and 5 conditions")
        List<@NotBlank(message = "must not be empty") String> conditions,
        @Size(max = 10, message = "tag at most 10 remedies")
        List<@Valid @NotNull(message = "must not be empty") RemedyTag> remedies,
        @Schema(description = "The version being edited (from GET); required when editing")
        Integer version) {

    /** A remedy slug with what it did, or no outcome if it is only mentioned. */
    public record RemedyTag(@NotBlank(message = "a remedy slug is required") String remedy, Outcome outcome) {
    }

    public List<RemedyTag> remedyTags() {
        return remedies == null ? List.of() : remedies;
    }
}
