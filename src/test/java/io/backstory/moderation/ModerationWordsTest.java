package io.backstory.moderation;

import static io.backstory.platform.TestUsers.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backstory.platform.TestUsers;
import io.backstory.platform.content.ContentStatus;
import io.backstory.platform.PageForms;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Plain words on every page a moderator reads: no enum name ("PENDING_REVIEW", "HIDE") and no rule code
 * ("unsafe-dosing") in the text of the queue, an item, the audit log, the rules and the tag suggestions, after
 * content went through screening, member flags, decisions and an undo.
 */
@QuarkusTest
class ModerationWordsTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String modflagger = TestUsers.newMember();
    private final String modauthor7 = TestUsers.newMember();

    @Inject
    EntityManager em;

    @Test
    void moderatorPagesSpeakPlainWords() {
        String condition = ModeratorFlowTest.condition(alice);
        String author = modauthor7;
        long held = ModeratorFlowTest.post(author, condition, "Held words check", "Walking. Also just take double the ibuprofen.");
        long live = ModeratorFlowTest.post(author, condition, "Flagged words check", "Short walks every hour.");
        long heldItem = number("select id from review_item where post_id = " + held + " and status = 'OPEN'");
        long flagItem = ModeratorFlowTest.flag(modflagger, live, "UNSAFE_ADVICE");
        Response hidden = ModeratorFlowTest.decide(alice, flagItem, "HIDE", condition, Map.of("note", "Checking.", "warn", "true"));
        PageForms.submit(alice, "/settings", "/settings/handle",
                "/moderation/decisions/" + hidden.getHeader("Location").replaceAll(".*decided=(\\d+).*", "$1") + "/undo", Map.of());
        ModeratorFlowTest.decide(alice, flagItem, "DISMISS_FLAGS", condition, Map.of());

        Map<String, Document> pages = new LinkedHashMap<>();
        pages.put("queue", ModeratorFlowTest.page(alice, "/moderation?condition=" + condition));
        pages.put("spam tab", ModeratorFlowTest.page(alice, "/moderation?category=SPAM&condition=" + condition));
        pages.put("held item", ModeratorFlowTest.page(alice, "/moderation/items/" + heldItem));
        pages.put("decided item", ModeratorFlowTest.page(alice, "/moderation/items/" + flagItem));
        pages.put("audit log of the item", ModeratorFlowTest.page(alice, "/moderation/log?item=" + flagItem));
        pages.put("audit log of undos", ModeratorFlowTest.page(alice, "/moderation/log?action=UNDO"));
        pages.put("rules", ModeratorFlowTest.page(alice, "/moderation/rules"));
        pages.put("a rule", ModeratorFlowTest.page(alice, "/moderation/rules/unsafe-dosing"));
        pages.put("tag suggestions", ModeratorFlowTest.page(alice, "/moderation/tags"));

        assertTrue(pages.get("held item").text().contains("Medication dosing"), "the rule by what it looks for");
        assertTrue(pages.get("decided item").text().contains("Decision undone"), pages.get("decided item").text());

        Set<String> codes = new TreeSet<>(strings("select code from screening_rule"));
        Set<String> enumNames = new TreeSet<>();
        Stream.of(ContentStatus.values(), ReviewAction.values(), AuditAction.values(), ScreeningCategory.values(),
                ScreeningAction.values(), ReviewCategory.values(), ReviewItemStatus.values(), FlagReason.values())
                .flatMap(Stream::of).map(Enum::name).forEach(enumNames::add);
        List<String> raw = new ArrayList<>();
        pages.forEach((name, page) -> {
            // What a person reads: the text, the options of drop-downs and the labels of buttons (values are for the server).
            String text = page.body().text();
            for (String enumName : enumNames) {
                Matcher word = Pattern.compile("(?<![\\p{L}_])" + enumName + "(?![\\p{L}_])").matcher(text);
                if (word.find()) {
                    raw.add(name + ": " + enumName + " in \"" + around(text, word.start()) + "\"");
                }
            }
            for (String code : codes) {
                int at = text.indexOf(code);
                if (at >= 0) {
                    raw.add(name + ": rule code " + code + " in \"" + around(text, at) + "\"");
                }
            }
        });
        assertEquals(List.of(), raw);
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40));
    }

    private long number(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) em.createNativeQuery(sql).getResultList());
    }
}
