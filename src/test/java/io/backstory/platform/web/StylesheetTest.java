package io.backstory.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The stylesheet's blocks close where they are meant to. A browser closes an unclosed block at the end of the file
 * without complaint, so a lost brace (an easy slip when two branches add rules) silently moves every later rule
 * into the block above it: once, all desktop rules ended up inside a phone-only media query.
 */
class StylesheetTest {

    private static final Path STYLESHEET = Path.of("src/main/resources/META-INF/resources/css/backstory.css");

    @Test
    void everyBlockIsClosedAndEveryCommentEnded() throws IOException {
        String css = Files.readString(STYLESHEET);
        String withoutComments = css.replaceAll("(?s)/\\*.*?\\*/", "");
        assertTrue(!withoutComments.contains("/*"), "a comment is never ended");
        int depth = 0;
        int line = 1;
        for (char c : withoutComments.toCharArray()) {
            if (c == '\n') {
                line++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                assertTrue(depth >= 0, "a closing brace without its block near line " + line);
            }
        }
        assertEquals(0, depth, "blocks left open at the end of the stylesheet");
    }

    @Test
    void aRuleAtTheTopLevelStartsInTheFirstColumn() throws IOException {
        // Rules inside a media query are indented; an unindented rule nested in one means a brace went missing.
        String[] lines = Files.readString(STYLESHEET).replaceAll("(?s)/\\*.*?\\*/", "").split("\n");
        int depth = 0;
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i];
            boolean opensAtStart = !text.isBlank() && !Character.isWhitespace(text.charAt(0)) && !text.startsWith("}");
            if (opensAtStart) {
                assertEquals(0, depth, "line " + (i + 1) + " starts a top-level rule inside an open block: " + text);
            }
            depth += text.chars().filter(c -> c == '{').count() - text.chars().filter(c -> c == '}').count();
        }
    }
}
