package io.backstory.moderation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Collectors;

import io.backstory.moderation.model.ScreeningModel;
import io.backstory.moderation.model.SentenceLabel;

/**
 * The rules' verdict and the screening model's together (pure: {@link ScreeningService} gives it the rules' result and
 * the model in use; tests give it the seeded rules and a model trained without Quarkus). The model may only add a
 * FLAG, or a HOLD for red-flag symptoms, on a sentence where the rules found nothing of that category; it never blocks.
 */
final class CombinedScreening {

    private static final Pattern MARKDOWN_MARKS = Pattern.compile("^\\s*(?:#{1,6}|[-*+>]|\\d+[.)])\\s+|\\*\\*|__|`");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final int MIN_WORDS = 4;
    /**
     * The categories whose rules' holds and flags the model may lower when it is sure a sentence is benign. Never red
     * flags (someone may need help: the rules' urgent-care advice and red-flag queue stand) and never a block (blatant
     * selling is refused whatever the model says).
     */
    private static final Set<ScreeningCategory> SECOND_OPINION = Set.of(ScreeningCategory.UNSAFE_ADVICE, ScreeningCategory.SPAM);

    private CombinedScreening() {
    }

    /**
     * @param judge the model, or null when it reads the text later ({@link DeferredScreening})
     * @param isLong a text read by the model after it was saved: what the model finds then is never a hold
     */
    static ScreeningResult combine(String text, ScreeningResult rules, Function<String, ScreeningModel.Verdict> judge,
            boolean isLong) {
        if (rules.verdict() == ScreeningAction.BLOCK || text == null || text.isBlank()) {
            return rules;
        }
        Set<String> notices = new LinkedHashSet<>(rules.notices());
        Set<String> urgentCare = new LinkedHashSet<>(rules.urgentCare());
        String normalised = TextAnalysis.normalise(text);
        List<int[]> sentences = TextAnalysis.sentenceSpans(normalised);
        // The model's verdict on each sentence; none on "1.", "## Day one" (too little to judge) or when it reads later.
        String[] plain = new String[sentences.size()];
        ScreeningModel.Verdict[] judged = new ScreeningModel.Verdict[sentences.size()];
        for (int i = 0; judge != null && i < judged.length; i++) {
            plain[i] = MARKDOWN_MARKS.matcher(normalised.substring(sentences.get(i)[0], sentences.get(i)[1]))
                    .replaceAll(" ").strip();
            if (WORD.matcher(plain[i]).results().count() >= MIN_WORDS) {
                judged[i] = judge.apply(plain[i]);
            }
        }
        ScreeningAction verdict = ScreeningAction.ALLOW;
        List<ScreeningResult.Match> matches = new ArrayList<>();
        for (ScreeningResult.Match match : rules.matches()) {
            OptionalInt at = IntStream.range(0, sentences.size())
                    .filter(i -> sentences.get(i)[0] <= match.start() && match.start() < sentences.get(i)[1]).findFirst();
            ScreeningResult.Match placed = at.isEmpty() ? match
                    : match.inSentence(text.substring(sentences.get(at.getAsInt())[0], sentences.get(at.getAsInt())[1]).strip());
            // The model's second opinion, only where it reads the text before it is saved: a long text keeps the rules'
            // verdict, as it was saved on it (DeferredScreening only adds what the model finds).
            if (!isLong && at.isPresent() && judged[at.getAsInt()] != null && SECOND_OPINION.contains(match.category())) {
                String read = ScreeningModel.forSecondOpinion(plain[at.getAsInt()]);
                ScreeningModel.Verdict opinion = read.equals(plain[at.getAsInt()]) ? judged[at.getAsInt()] : judge.apply(read);
                placed = placed.atMost(opinion.ruleCeiling(SentenceLabel.valueOf(match.category().name())));
            }
            matches.add(placed);
            verdict = verdict.atLeast(placed.action());
        }
        for (int i = 0; i < judged.length; i++) {
            int[] sentence = sentences.get(i);
            ScreeningModel.Verdict judgedHere = judged[i];
            ScreeningCategory category = judgedHere == null ? null : judgedHere.label().category();
            if (category == null || rules.matches().stream().anyMatch(m -> m.category() == category
                    && m.start() < sentence[1] && m.end() > sentence[0])) {
                continue;
            }
            // A long text is read after it is published (DeferredScreening): what the model finds then is flagged for
            // a moderator, never withdrawn from a writer who was told it is public. Its check before posting says the same.
            ScreeningAction action = judgedHere.action() == ScreeningAction.HOLD && isLong ? ScreeningAction.FLAG
                    : judgedHere.action();
            matches.add(new ScreeningResult.Match(ScreeningService.MODEL_RULE, category, reason(judgedHere), action,
                    text.substring(sentence[0], sentence[1]), sentence[0], sentence[1]));
            verdict = verdict.atLeast(action);
            if (category == ScreeningCategory.RED_FLAG) {
                notices.add(ScreeningService.MODEL_RED_FLAG_NOTICE);
                urgentCare.add(ScreeningService.MODEL_RED_FLAG_NOTICE);
            }
        }
        return new ScreeningResult(verdict, List.copyOf(matches), List.copyOf(notices), List.copyOf(urgentCare), judge == null);
    }

    /** The model's reason as a moderator reads it: what it suspects, how sure it is, what it resembles. */
    static String reason(ScreeningModel.Verdict judged) {
        return "the screening model reads this as %s (%d%% sure); it is most like: %s".formatted(
                judged.label().category().plainName(), Math.round(judged.confidence() * 100),
                judged.similar().stream().map(s -> "\u201c" + s + "\u201d").collect(Collectors.joining("; ")));
    }
}
