package io.backstory.community;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.backstory.platform.text.ContentLimits;
import io.backstory.platform.text.MemberText;
import io.backstory.platform.text.VisibleText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A reply to a post (no parentId) or to one of its comments, or an edit of a comment (with version). */
@Schema(example = """
        {"body": "Micro cat-cows helped me too, tiny movements first.", "parentId": 12, "remedies": ["cat-cow"]}""")
public record CommentRequest(
        @MemberText(max = ContentLimits.COMMENT_BODY_MAX, required = "write something") String body,
        @Schema(description = "The comment this replies to; absent for a reply to the post") Long parentId,
        @Size(max = 10, message = "tag at most 10 remedies") List<@NotBlank(message = "must not be empty") String> remedies,
        @Schema(description = "The version being edited (from GET); required when editing") Integer version) {

    /** Line breaks as the member's browser counts them (CR LF from forms is stored as LF). */
    public CommentRequest {
        body = VisibleText.unixLineBreaks(body);
    }

    public List<String> remedySlugs() {
        return remedies == null ? List.of() : remedies;
    }
}
