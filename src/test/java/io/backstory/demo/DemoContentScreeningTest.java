package io.backstory.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.backstory.moderation.ScreeningAction;
import io.backstory.moderation.ScreeningResult;
import io.backstory.moderation.ScreeningService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The demo community is ordinary forum talk: screening may add notices (it mentions red flags on purpose) but
 * must hold or block none of it, or `quarkus:dev` could not load it (replies to held content are refused).
 */
@QuarkusTest
class DemoContentScreeningTest {

    @Inject
    ScreeningService screening;

    /**
     * Texts of the long stories that the rules hold today although they are ordinary experience (a GP who checked the
     * red flags and found nothing; stenosis that eases when leaning forward; "don't stop any medications" advice). The
     * rules cannot tell; the screening model planned for them should. This number may only go down. The demo loader
     * approves these as a moderator would.
     */
    private static final int FALSE_HOLDS_IN_STORIES_TODAY = 3;

    @Test
    void theShortDemoPostsAreNeverHeldOrBlocked() {
        List<String> stopped = new ArrayList<>();
        for (DemoContent.DemoPost post : DemoContent.load().posts().subList(0, shortPostCount())) {
            checkPost(post, stopped);
        }
        assertEquals(List.of(), stopped);
    }

    @Test
    void theLongStoriesAreHeldAtMostAsOftenAsToday() {
        List<String> stopped = new ArrayList<>();
        DemoContent.stories().forEach(story -> checkPost(story, stopped));
        stopped.forEach(System.out::println);
        assertTrue(stopped.size() <= FALSE_HOLDS_IN_STORIES_TODAY, "more ordinary stories held than before: " + stopped);
    }

    /**
     * Issue 19: real text stays clean: at most 1% of the demo community's sentences flagged by the model. It flags
     * 0.97% today (25 of 2,589, down from 70 before batch 29 and 32 before batch 30; 25 after batch 31, 24 after batch
     * 32, 25 after batch 33; README, "Screening figures").
     */
    private static final double MODEL_FLAGGED_SHARE_AT_MOST = 0.01;

    @Test
    void theModelFlagsAtMostOnePercentOfTheDemoSentences() {
        List<String> texts = new ArrayList<>();
        for (DemoContent.DemoPost post : DemoContent.load().posts()) {
            texts.add(post.title() + "\n\n" + post.body());
            collect(post.comments(), texts);
        }
        int sentences = 0;
        List<String> flagged = new ArrayList<>();
        for (String text : texts) {
            BreakIterator boundaries = BreakIterator.getSentenceInstance(Locale.ENGLISH);
            boundaries.setText(text);
            for (int end = boundaries.next(); end != BreakIterator.DONE; end = boundaries.next()) {
                sentences++;
            }
            screening.screen(text, List.of()).matches().stream().filter(m -> m.rule().equals(ScreeningService.MODEL_RULE))
                    .forEach(m -> flagged.add(m.category() + ": " + m.excerpt()));
        }
        flagged.forEach(f -> System.out.println("  model flag in demo text: " + f));
        System.out.printf("Demo community: the model flagged %d of %d sentences (%.2f%%)%n", flagged.size(), sentences,
                100.0 * flagged.size() / sentences);
        assertTrue(flagged.size() <= sentences * MODEL_FLAGGED_SHARE_AT_MOST, flagged.size() + " of " + sentences + " sentences flagged");
    }

    private static void collect(List<DemoContent.DemoComment> comments, List<String> texts) {
        if (comments != null) {
            for (DemoContent.DemoComment comment : comments) {
                texts.add(comment.body());
                collect(comment.replies(), texts);
            }
        }
    }

    private static int shortPostCount() {
        return DemoContent.load().posts().size() - DemoContent.stories().size();
    }

    private void checkPost(DemoContent.DemoPost post, List<String> stopped) {
        check(post.title() + "\n\n" + post.body(), post.conditions(), stopped);
        checkComments(post.comments(), post.conditions(), stopped);
    }

    @Test
    void theStoriesAreOfRealBlogLengthWithSeveralPerCondition() {
        List<DemoContent.DemoPost> stories = DemoContent.stories();
        assertTrue(stories.size() >= 30, "only " + stories.size() + " long stories");
        for (DemoContent.DemoPost story : stories) {
            assertTrue(story.body().length() >= 1_500 && story.body().length() <= 8_000, story.title());
            assertTrue(story.body().contains("\n## ") || story.body().startsWith("## "), "no headed sections: " + story.title());
            assertTrue(story.body().contains("\n- "), "no list: " + story.title());
        }
        for (String condition : List.of("herniated-disc", "sciatica", "muscle-spasm", "scoliosis", "fibromyalgia",
                "spinal-stenosis", "degenerative-disc-disease", "si-joint-dysfunction", "chronic-low-back-pain")) {
            long count = stories.stream().filter(s -> s.conditions().get(0).equals(condition)).count();
            assertTrue(count >= 3, condition + " has " + count + " long stories");
        }
    }

    private void checkComments(List<DemoContent.DemoComment> comments, List<String> conditions, List<String> stopped) {
        if (comments == null) {
            return;
        }
        for (DemoContent.DemoComment comment : comments) {
            check(comment.body(), conditions, stopped);
            checkComments(comment.replies(), conditions, stopped);
        }
    }

    private void check(String text, List<String> conditions, List<String> stopped) {
        ScreeningResult result = screening.screen(text, conditions);
        if (result.verdict().compareTo(ScreeningAction.HOLD) >= 0) {
            stopped.add(result.verdict() + " by " + result.matches().stream().map(m -> m.rule() + " on \"" + m.excerpt() + "\"")
                    .toList() + ": " + text.substring(0, Math.min(80, text.length())));
        }
    }
}
