package io.backstory.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.backstory.platform.errors.InvalidInputException;

/** Which comment and which vote a thread's vote button names, among the form's other fields. */
class ThreadVoteButtonTest {

    private static final List<String> FORM = List.of("csrf-token", "csrf-session");

    private static ThreadVoteButton pressed(String... names) {
        return ThreadVoteButton.pressed(java.util.stream.Stream.concat(FORM.stream(), java.util.Arrays.stream(names)).toList());
    }

    @Test
    void theButtonsNameSaysTheVoteAndTheComment() {
        assertEquals(new ThreadVoteButton(147, 1), pressed("u147"));
        assertEquals(new ThreadVoteButton(9, -1), pressed("d9"));
        assertEquals(new ThreadVoteButton(123456789012L, 0), pressed("w123456789012"));
    }

    @Test
    void aFormWithoutExactlyOneVoteButtonIsRefused() {
        for (List<String> names : List.of(List.<String>of(), List.of("u1", "d2"), List.of("x1"), List.of("u"),
                List.of("u0"), List.of("u01"), List.of("u-1"), List.of("U1"), List.of("u1234567890123456789"))) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> pressed(names.toArray(String[]::new)), names.toString());
            assertEquals("vote", refused.errors().get(0).field());
        }
    }
}
