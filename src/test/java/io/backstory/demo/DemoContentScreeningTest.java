package io.backstory.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

    @Test
    void noDemoPostOrCommentIsHeldOrBlocked() throws IOException {
        List<String> stopped = new ArrayList<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/demo-content.json")) {
            for (JsonNode post : new ObjectMapper().readTree(in).get("posts")) {
                List<String> conditions = new ArrayList<>();
                post.get("conditions").forEach(c -> conditions.add(c.asText()));
                check(post.get("title").asText() + "\n\n" + post.get("body").asText(), conditions, stopped);
                checkComments(post.get("comments"), conditions, stopped);
            }
        }
        assertEquals(List.of(), stopped);
    }

    private void checkComments(JsonNode comments, List<String> conditions, List<String> stopped) {
        if (comments == null) {
            return;
        }
        for (JsonNode comment : comments) {
            check(comment.get("body").asText(), conditions, stopped);
            checkComments(comment.get("replies"), conditions, stopped);
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
