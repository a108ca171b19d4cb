package io.backstory.community;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.backstory.accounts.CurrentMember;
import io.backstory.moderation.PreviewLimit;
import io.backstory.moderation.ScreeningAction;
import io.backstory.moderation.ScreeningResult;
import io.backstory.moderation.ScreeningService;
import io.backstory.platform.errors.DomainException;
import io.backstory.platform.errors.FieldError;
import io.backstory.platform.text.ContentLimits;
import io.backstory.platform.text.MarkdownRenderer;
import io.backstory.platform.text.TextLimit;
import io.backstory.platform.web.FieldErrors;
import io.backstory.taxonomy.RedFlagAdvice;
import io.backstory.taxonomy.TaxonomyCatalog;
import io.backstory.writing.WritingHelp;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * "Check before posting" for the post and comment forms alike (their live fragment, and their button without
 * JavaScript): the text rendered, what screening would do with it and what is wrong with it so far, within the one
 * preview allowance.
 */
@ApplicationScoped
public class WritingCheck {

    /** The names of the writing forms' "Check before posting" and "Save draft" buttons. */
    static final String CHECK = "preview";
    static final String SAVE_DRAFT = "save-draft";

    /**
     * What the author sees before posting: the rendered text, what screening would do with it, and what is wrong with
     * the title and text so far (too long, characters that cannot be shown; not yet "missing", as they are typing).
     * {@code redFlags} are the red-flag texts of the conditions it is about, quoted if screening finds red-flag
     * symptoms. A comment's check has no tag suggestions.
     */
    public record Preview(String html, ScreeningResult screening, FieldErrors errors,
            WritingHelp.Suggestions suggestions, List<RedFlagAdvice> redFlags) {

        /** Only suggestions ("Suggest tags" or a suggestion's button, without JavaScript): no verdict yet. */
        static Preview suggestionsOnly(WritingHelp.Suggestions suggestions) {
            return new Preview(null, null, FieldErrors.NONE, suggestions, List.of());
        }

        /** What sending the text as it is would meet: invalid input, or screening refusing it (spam); else none. */
        Optional<DomainException.Kind> foreseen() {
            return !errors.isEmpty() ? Optional.of(DomainException.Kind.INVALID_INPUT)
                    : screening != null && screening.verdict() == ScreeningAction.BLOCK
                            ? Optional.of(DomainException.Kind.BLOCKED) : Optional.empty();
        }
    }

    private static final TextLimit TITLE_SO_FAR = new TextLimit(0, ContentLimits.TITLE_MAX, false, "");
    private static final TextLimit BODY_SO_FAR = TextLimit.optional(ContentLimits.POST_BODY_MAX);
    private static final TextLimit COMMENT_SO_FAR = TextLimit.optional(ContentLimits.COMMENT_BODY_MAX);

    private final CurrentMember viewer;
    private final PreviewLimit previews;
    private final ScreeningService screening;
    private final MarkdownRenderer markdown;
    private final TaxonomyCatalog catalog;
    private final WritingHelp writingHelp;

    public WritingCheck(CurrentMember viewer, PreviewLimit previews, ScreeningService screening, MarkdownRenderer markdown,
            TaxonomyCatalog catalog, WritingHelp writingHelp) {
        this.viewer = viewer;
        this.previews = previews;
        this.screening = screening;
        this.markdown = markdown;
        this.catalog = catalog;
        this.writingHelp = writingHelp;
    }

    /** A post so far, with tag suggestions (leaving out those the member dismissed, {@code ignored}). */
    Preview post(PostForm form, Set<String> ignored) {
        previews.acquire(viewer.get());
        List<FieldError> problems = new ArrayList<>();
        TITLE_SO_FAR.problem(form.title).ifPresent(message -> problems.add(new FieldError("title", message)));
        BODY_SO_FAR.problem(form.body).ifPresent(message -> problems.add(new FieldError("body", message)));
        if (!problems.isEmpty()) {
            return new Preview("", ScreeningResult.CLEAN, FieldErrors.of(problems), WritingHelp.Suggestions.NONE, List.of());
        }
        return new Preview(markdown.toSafeHtml(form.body), screening.screen(form.title + "\n\n" + form.body,
                new ArrayList<>(form.conditions)), FieldErrors.NONE, suggestions(form, ignored),
                RedFlagAdvice.of(catalog.conditions().stream().filter(c -> form.conditions.contains(c.slug)).toList()));
    }

    /** A comment, reply or comment edit so far, screened with its post's conditions. */
    Preview comment(String body, PostDetail post) {
        previews.acquire(viewer.get());
        return COMMENT_SO_FAR.problem(body)
                .map(message -> new Preview("", ScreeningResult.CLEAN,
                        FieldErrors.of(List.of(new FieldError("body", message))), null, List.<RedFlagAdvice>of()))
                .orElseGet(() -> new Preview(markdown.toSafeHtml(body), screening.screen(body,
                        post.conditions().stream().map(Tag::slug).toList()), FieldErrors.NONE, null, post.redFlags()));
    }

    /** Tags the post's text suggests; nothing is screened, so no allowance is used. */
    WritingHelp.Suggestions suggestions(PostForm form, Set<String> ignored) {
        return writingHelp.suggest(form.title + "\n\n" + form.body, form.conditions, form.remedies.keySet(), ignored);
    }
}
