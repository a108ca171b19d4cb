package io.backstory.community;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class SharedPartTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void thePartsGoInTheSlotsPlaceInOrderAndThePageAroundIsSentAsUtf8() {
        byte[] page = SharedPart.splice("<h1>Ça</h1>" + SharedPart.SLOT + "<p>fin ✓</p>",
                List.of(utf8("<ol>💪"), utf8(""), utf8("</ol>"))).getBytes();
        assertArrayEquals(utf8("<h1>Ça</h1><ol>💪</ol><p>fin ✓</p>"), page);
    }

    @Test
    void aPageWithoutTheSlotIsRefusedAndTheSlotIsNoPlainComment() {
        assertThrows(IllegalStateException.class, () -> SharedPart.splice("<main><!--shared--></main>", List.of(utf8("x"))));
    }
}
