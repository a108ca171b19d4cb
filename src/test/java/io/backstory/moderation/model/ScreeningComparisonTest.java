package io.backstory.moderation.model;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.backstory.moderation.ScreeningAction;
import io.backstory.moderation.ScreeningService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Rules alone, the model alone and both (what members get) on the evaluation split of the training data, on the
 * fresh blind set written before any tuning and on blind sets 6 to 12 (written later, each also before any tuning; sets
 * 2 to 5 were scored the same way and are training data since batch 33); prints the table (README, "Screening
 * figures") and holds both together to the floors of issue 19 on the fresh set, or, where not reached yet, to the
 * figure reached. Blind sets 6 to 12 have no floors yet and their misses are not printed, so that whoever tunes the
 * screening sees their scores but never their sentences.
 */
@QuarkusTest
class ScreeningComparisonTest {

    @Inject
    ScreeningService screening;

    @Inject
    ScreeningModels models;

    @Test
    void bothTogetherMeetTheFloorsOnTheFreshSet() {
        List<LabelledSentence> evaluation = models.evaluationSplit().stream()
                .map(e -> new LabelledSentence(e.label(), e.text())).toList();
        List<LabelledSentence> fresh = LabelledSentence.read("moderation/fresh-blind-set.tsv");
        List<LabelledSentence> blindSetSix = asWritten("moderation/blind-set-6.tsv", 81, 40, 30, 101);
        List<LabelledSentence> blindSetSeven = asWritten("moderation/blind-set-7.tsv", 83, 41, 30, 103);
        List<LabelledSentence> blindSetEight = asWritten("moderation/blind-set-8.tsv", 82, 40, 30, 103);
        List<LabelledSentence> blindSetNine = asWritten("moderation/blind-set-9.tsv", 85, 40, 30, 100);
        List<LabelledSentence> blindSetTen = asWritten("moderation/blind-set-10.tsv", 82, 42, 31, 103);
        List<LabelledSentence> blindSetEleven = asWritten("moderation/blind-set-11.tsv", 82, 40, 30, 101);
        List<LabelledSentence> blindSetTwelve = asWritten("moderation/blind-set-12.tsv", 82, 40, 30, 101);
        Function<String, Judged> rules = text -> Judged.of(screening.rules(text, Set.of()));
        Function<String, Judged> model = text -> Judged.of(models.judge(text));
        Function<String, Judged> both = text -> Judged.of(screening.screen(text, Set.of()));
        StringBuilder table = new StringBuilder("\n" + Scorecard.header() + "\n");
        for (var set : List.of(Map.entry("evaluation split (" + evaluation.size() + ")", evaluation),
                Map.entry("fresh blind set (" + fresh.size() + ")", fresh),
                Map.entry("blind set 6 (" + blindSetSix.size() + ")", blindSetSix),
                Map.entry("blind set 7 (" + blindSetSeven.size() + ")", blindSetSeven),
                Map.entry("blind set 8 (" + blindSetEight.size() + ")", blindSetEight),
                Map.entry("blind set 9 (" + blindSetNine.size() + ")", blindSetNine),
                Map.entry("blind set 10 (" + blindSetTen.size() + ")", blindSetTen),
                Map.entry("blind set 11 (" + blindSetEleven.size() + ")", blindSetEleven),
                Map.entry("blind set 12 (" + blindSetTwelve.size() + ")", blindSetTwelve))) {
            table.append("| **").append(set.getKey()).append("** |||||||\n");
            table.append(score(set.getValue(), rules, false).row("rules")).append('\n');
            table.append(score(set.getValue(), model, false).row("model")).append('\n');
            table.append(score(set.getValue(), both, false).row("both")).append('\n');
        }
        System.out.println(table);
        Scorecard onFresh = score(fresh, both, true);
        // Issue 19's floors on the fresh set (README, "Screening figures").
        assertAll(
                () -> assertTrue(onFresh.recall(SentenceLabel.UNSAFE_ADVICE) >= 0.90, "unsafe advice recall"),
                () -> assertTrue(onFresh.recall(SentenceLabel.RED_FLAG) >= 0.90, "red flag recall"),
                () -> assertTrue(onFresh.recall(SentenceLabel.SPAM) >= 0.95, "spam recall"),
                () -> assertTrue(onFresh.benignHeldOrBlocked() <= 0.01, "benign held or blocked"),
                () -> assertTrue(onFresh.benignFlagged() <= 0.10, "benign flagged"));
    }

    /** A blind set, checked against the counts it was written with: it is never edited after its first score. */
    private static List<LabelledSentence> asWritten(String resource, long unsafeAdvice, long redFlag, long spam,
            long benign) {
        List<LabelledSentence> set = LabelledSentence.read(resource);
        assertEquals(Map.of(SentenceLabel.UNSAFE_ADVICE, unsafeAdvice, SentenceLabel.RED_FLAG, redFlag,
                SentenceLabel.SPAM, spam, SentenceLabel.BENIGN, benign),
                set.stream().collect(Collectors.groupingBy(LabelledSentence::label, Collectors.counting())),
                resource + " as written");
        return set;
    }

    private static Scorecard score(List<LabelledSentence> sentences, Function<String, Judged> screener, boolean printMisses) {
        Scorecard card = new Scorecard();
        for (LabelledSentence s : sentences) {
            Judged judged = screener.apply(s.text());
            card.add(s.label(), judged.named(), judged.verdict());
            boolean wrong = s.label() == SentenceLabel.BENIGN
                    ? judged.verdict().compareTo(ScreeningAction.FLAG) >= 0
                    : !judged.named().contains(s.label().category());
            if (printMisses && wrong) {
                System.out.println("  " + s.label() + " got " + judged.verdict() + ": " + s.text());
            }
        }
        return card;
    }
}
