package io.backstory.moderation;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.backstory.moderation.model.LabelledSentence;
import io.backstory.moderation.model.Judged;
import io.backstory.moderation.model.PlainScreeningModel;
import io.backstory.moderation.model.Scorecard;
import io.backstory.moderation.model.SentenceLabel;

/**
 * Issue 19, the precision of rules and model together on unseen text (plain JUnit: the seeded rules, the shipped model
 * trained without Quarkus). Prints rules alone, the model alone and both on the development set written for this
 * work, on the evaluation split, on the rules' look-alikes and on the fresh blind set, with what both together miss
 * ("queued": caught and put before a moderator, not only noted; a red flag always is). Holds both together to floors
 * reached with the model's second opinion on the rules (README, "Screening figures"); before it, the development set's
 * benign sentences were held or blocked 7.1% and flagged 11.5%.
 */
class CombinedScreeningPrecisionTest {

    private static ScreeningEngine rules;
    private static PlainScreeningModel model;

    @BeforeAll
    static void load() {
        rules = SeededRules.engine();
        model = PlainScreeningModel.shipped();
    }

    @Test
    void bothTogetherAreMorePreciseOnUnseenTextAndQueueAsMuch() {
        Map<String, List<LabelledSentence>> sets = new LinkedHashMap<>();
        sets.put("development set", LabelledSentence.read("moderation/dev-set-precision.tsv"));
        sets.put("evaluation split", model.evaluation());
        sets.put("rule look-alikes", LabelledSentence.read("moderation/rule-lookalikes.tsv"));
        sets.put("fresh blind set", LabelledSentence.read("moderation/fresh-blind-set.tsv"));
        Function<String, Judged> rulesAlone = text -> Judged.of(rules.screen(text, Set.of()));
        Function<String, Judged> modelAlone = text -> Judged.of(model.judge(text));
        Function<String, Judged> both = text -> Judged.of(
                CombinedScreening.combine(text, rules.screen(text, Set.of()), model::judge, false));
        StringBuilder table = new StringBuilder("\n" + Scorecard.header() + "\n");
        Map<String, Scorecard> cards = new LinkedHashMap<>();
        for (var set : sets.entrySet()) {
            table.append("| **").append(set.getKey()).append(" (").append(set.getValue().size()).append(")** |||||||\n");
            for (var screener : List.of(Map.entry("rules", rulesAlone), Map.entry("model", modelAlone), Map.entry("both", both))) {
                Scorecard card = score(set.getValue(), screener.getValue(), screener.getKey().equals("both") ? set.getKey() : null);
                if (screener.getKey().equals("both")) {
                    cards.put(set.getKey(), card);
                }
                table.append(card.row(screener.getKey())).append(String.format(
                        " queued: unsafe %.1f%%, red flag %.1f%%, spam %.1f%%%n", 100 * card.queued(SentenceLabel.UNSAFE_ADVICE),
                        100 * card.queued(SentenceLabel.RED_FLAG), 100 * card.queued(SentenceLabel.SPAM)));
            }
        }
        System.out.println(model.thresholds());
        System.out.println(table);
        assertAll(
                // V40 freed this set's held look-alikes from the rules' holds (3.5% -> 0%); the model reads one of them,
                // "Don't ignore numbness between your legs, get it checked the same day", as unsafe advice and flags it
                // (flagged 11.5% -> 12.4%).
                () -> assertFloors("development set", cards.get("development set"), 0.93, 0.95, 0.90, 0.01, 0.125),
                // The split grew with batch 31's held-out sentences (674 -> 814) and the red-flag threshold rose with
                // its look-alikes: these two sets' floors are where both changes together stand (README, screening).
                // Batch 32 added 74 deliberately hard unsafe sentences to the split (814 -> 973), of which both find
                // 73%: unsafe queued 89.4% -> 84.7% on the whole split, while on the same 814 it rose to 90.1%.
                () -> assertFloors("evaluation split", cards.get("evaluation split"), 0.84, 0.91, 0.93, 0.01, 0.035),
                () -> assertFloors("rule look-alikes", cards.get("rule look-alikes"), 0.97, 1.0, 1.0, 0.01, 0.105),
                // The neighbours' vote (2026-12-02) flags one more of this set's 66 benign sentences (4.5% -> 6.1%, under
                // issue 19's 10%) and fewer on each of blind sets 7 to 9 (5.8 -> 2.9, 6.8 -> 4.9, 9.0 -> 6.0%; set 6
                // unchanged at 2.0): README, "Screening figures".
                () -> assertFloors("fresh blind set", cards.get("fresh blind set"), 0.90, 0.90, 0.95, 0.01, 0.065));
    }

    private static void assertFloors(String set, Scorecard both, double unsafe, double redFlag, double spam,
            double benignHeld, double benignFlagged) {
        assertAll(set,
                () -> assertTrue(both.queued(SentenceLabel.UNSAFE_ADVICE) >= unsafe, "unsafe advice queued"),
                () -> assertTrue(both.queued(SentenceLabel.RED_FLAG) >= redFlag, "red flags queued"),
                () -> assertTrue(both.queued(SentenceLabel.SPAM) >= spam, "spam queued"),
                () -> assertTrue(both.benignHeldOrBlocked() <= benignHeld, "benign held or blocked"),
                () -> assertTrue(both.benignFlagged() <= benignFlagged, "benign flagged"));
    }

    private static Scorecard score(List<LabelledSentence> sentences, Function<String, Judged> screener, String printMissesOf) {
        Scorecard card = new Scorecard();
        for (LabelledSentence s : sentences) {
            Judged judged = screener.apply(s.text());
            card.add(s.label(), judged.named(), judged.verdict());
            boolean wrong = s.label() == SentenceLabel.BENIGN
                    ? judged.verdict().compareTo(ScreeningAction.FLAG) >= 0
                    : !judged.named().contains(s.label().category())
                            || s.label() != SentenceLabel.RED_FLAG && judged.verdict().compareTo(ScreeningAction.FLAG) < 0;
            if (printMissesOf != null && wrong) {
                System.out.println("  " + printMissesOf + ": " + s.label() + " got " + judged.verdict() + " " + judged.named()
                        + ": " + s.text());
            }
        }
        return card;
    }
}
