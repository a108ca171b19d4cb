package io.backstory.community;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a member sends to create a post. */
public record PostRequest(
        @NotNull(message = "choose story, question or tip") PostKind kind,
        @NotBlank(message = "a title is required")
        @Size(min = 10, max = 200, message = "must be between 10 and 200 characters") String title,
        @NotBlank(message = "write something")
        @Size(max = 40_000, message = "must be at most 40000 characters") String body,
        @NotNull(message = "tag at least one condition")
        @Size(min = 1, max = 5, message = "tag between 1 and 5 conditions") List<@NotBlank String> conditions,
        @Size(max = 10, message = "tag at most 10 remedies") List<@Valid @NotNull RemedyTag> remedies) {

    /** A remedy slug with what it did ("helped", "no change", "worse"), or no outcome if just mentioned. */
    public record RemedyTag(@NotBlank(message = "a remedy slug is required") String remedy, Outcome outcome) {
    }
}
