package io.backstory.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlainWordsTest {

    @Test
    void markdownMarksGoAndTheWordsStay() {
        assertEquals("What I tried\n\nThings that helped - a heating pad and short walks.\ngentle stretches\nkeep moving my_handle",
                PlainWords.fromMarkdown("## What I tried\n\n**Things that helped** - a heating pad and [short walks](https://example.org/walks).\n"
                        + "1. _gentle_ stretches\n> keep `moving` my_handle"));
    }

    @Test
    void excerptsAreCutBetweenWords() {
        assertEquals("Short walks every hour", PlainWords.excerpt("**Short** walks\n\nevery hour", 40));
        assertEquals("Short walks every …", PlainWords.excerpt("Short walks every hour helped my sciatica", 20));
    }
}
