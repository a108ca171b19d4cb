package io.backstory.writing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReplyTextTest {

    @Test
    void aQuoteMarksEveryLineAndLeavesRoomForTheAnswer() {
        assertEquals("> Heat helped.\n>\n> - walking\n\n", ReplyText.quote("Heat helped.\n\n- walking\n"));
    }

    @Test
    void mentionsAreHandlesOutsideQuotesCodeAndAddresses() {
        assertEquals(List.of("alice", "bob_2"), List.copyOf(ReplyText.mentions("""
                Thanks @alice, and @Bob_2 too (@ALICE again).
                > @carol wrote this, so carol is not mentioned here
                Mail me at dave@example.org, or see `@eve` in code.
                ```
                @frank
                ```
                @x is too short to be a handle.""")));
    }
}
