package io.backstory.community;

import io.backstory.platform.content.PostKind;
import io.backstory.platform.content.Outcome;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.backstory.platform.text.ContentLimits;
import io.backstory.platform.text.MemberText;
import io.backstory.platform.text.VisibleText;

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
        @MemberText(min = ContentLimits.TITLE_MIN, max = ContentLimits.TITLE_MAX, multiLine = false, required = "a title is required")
        String title,
        @MemberText(max = ContentLimits.POST_BODY_MAX, required = "write something") String body,
        @NotNull(message = "tag at least one condition")
        @Size(min = 1, max = 5, message = "tag between 1 and 5 conditions")
        List<@NotBlank(message = "must not be empty") String> conditions,
        @Size(max = 10, message = "tag at most 10 remedies")
        List<@Valid @NotNull(message = "must not be empty") RemedyTag> remedies,
        @Schema(description = "The version being edited (from GET); required when editing")
        Integer version) {

    /** Line breaks as the member's browser counts them (CR LF from forms is stored as LF). */
    public PostRequest {
        title = VisibleText.unixLineBreaks(title);
        body = VisibleText.unixLineBreaks(body);
    }

    /** A remedy slug with what it did, or no outcome if it is only mentioned. */
    public record RemedyTag(@NotBlank(message = "a remedy slug is required") String remedy, Outcome outcome) {
    }

    public List<RemedyTag> remedyTags() {
        return remedies == null ? List.of() : remedies;
    }
}
