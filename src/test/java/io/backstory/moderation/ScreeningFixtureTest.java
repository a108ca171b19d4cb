package io.backstory.moderation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.backstory.moderation.model.LabelledSentence;
import io.backstory.moderation.model.SentenceLabel;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The seeded rules against the labelled sentences in {@code moderation/screening-fixture.tsv}. A sentence
 * labelled UNSAFE_ADVICE, RED_FLAG or SPAM is found when a rule of that category matches it; a BENIGN
 * sentence is a false positive when any rule matches it at all.
 */
@QuarkusTest
class ScreeningFixtureTest {

    @Inject
    ScreeningService screening;

    /** Of one label's sentences: how many the rules matched (found, or for benign ones wrongly), and how many there are. */
    private static final class Count {
        int matched;
        int total;

        double rate() {
            return (double) matched / total;
        }

        @Override
        public String toString() {
            return "%.1f%% (%d/%d)".formatted(100 * rate(), matched, total);
        }
    }

    @Test
    void recallAndFalsePositiveRatesMeetTheBar() {
        Map<SentenceLabel, Count> counts = new EnumMap<>(SentenceLabel.class);
        List<String> misses = new ArrayList<>();
        for (LabelledSentence sentence : LabelledSentence.read(System.getProperty("screening.fixture", "moderation/screening-fixture.tsv"))) {
            boolean benign = sentence.label() == SentenceLabel.BENIGN;
            ScreeningResult result = screening.rules(sentence.text(), Set.of());
            boolean matched = benign ? !result.matches().isEmpty()
                    : result.matches().stream().anyMatch(m -> m.category() == sentence.label().category());
            Count count = counts.computeIfAbsent(sentence.label(), label -> new Count());
            count.total++;
            if (matched) {
                count.matched++;
            }
            if (matched == benign) {
                misses.add(sentence.label() + (benign ? " flagged by " + result.matches().get(0).rule() : " missed") + ": "
                        + sentence.text());
            }
        }
        System.out.printf("Screening fixture: unsafe advice recall %s, red flag recall %s, spam recall %s, "
                + "benign look-alikes flagged %s%n", counts.get(SentenceLabel.UNSAFE_ADVICE), counts.get(SentenceLabel.RED_FLAG),
                counts.get(SentenceLabel.SPAM), counts.get(SentenceLabel.BENIGN));
        misses.forEach(m -> System.out.println("  " + m));
        assertTrue(counts.get(SentenceLabel.UNSAFE_ADVICE).rate() >= 0.90, "unsafe advice recall " + counts.get(SentenceLabel.UNSAFE_ADVICE));
        assertTrue(counts.get(SentenceLabel.RED_FLAG).rate() >= 0.90, "red flag recall " + counts.get(SentenceLabel.RED_FLAG));
        assertTrue(counts.get(SentenceLabel.SPAM).rate() >= 0.90, "spam recall " + counts.get(SentenceLabel.SPAM));
        assertTrue(counts.get(SentenceLabel.BENIGN).rate() <= 0.05, "benign false-positive rate " + counts.get(SentenceLabel.BENIGN));
    }
}
