package io.backstory.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The queue tells a moderator how far members' flags are towards hiding the writing, in numbers people write. */
class FlagProgressTest {

    private static String progress(double weight) {
        return new QueueItem(1, ReviewTarget.COMMENT, 1, 1L, "t", null, ReviewCategory.MEMBER_FLAG, 1,
                weight, ReviewReason.of(ReasonKind.FLAG, null, FlagReason.SPAM, null, null), null, null, null, 0, 3)
                .flagProgress();
    }

    @Test
    void oneNewMembersFlagIsHalfOfOne() {
        assertEquals("members' flags: 0.5 of the 3 that hide it automatically", progress(0.5));
    }

    @Test
    void sumsOfWeightsAreRoundedToOneDecimalWithoutTrailingZeros() {
        assertEquals("members' flags: 2 of the 3 that hide it automatically", progress(0.5 + 1.5));
        assertEquals("members' flags: 1.3 of the 3 that hide it automatically", progress(0.1 + 0.2 + 1.0));
        assertEquals("members' flags: 1.7 of the 3 that hide it automatically", progress(1.6667));
    }
}
