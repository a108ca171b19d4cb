package io.backstory.moderation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Screens text against compiled rules. Pure and immutable: built from the rule rows, shared by all requests,
 * rebuilt when rules change. Matching is per sentence. On a negatable rule a match is void when a negation governs
 * any of its clauses ("no numbness in the groin", "I would never share my pills", "numbness between my legs (none)"),
 * and on a negatable red-flag rule also when a hypothetical does ("come back if you get numbness in the groin", "watch
 * for loss of bladder control"): see {@link CueScope}. A match is also void when one of the rule's exception patterns
 * matches in a clause the match touches ("supervised traction at the clinic", "exactly as the box says"); a clause
 * that turns the sentence ("..., but just double it") is not covered by the exception before it. Unsafe advice told as
 * someone else's words the writer disowns, or as a temptation resisted or a habit given up, is at most flagged (or only
 * noted), and so is advice addressed to nobody (a question whether it is safe is only noted): see {@link AdviceVoice}.
 * A lone advertising cue in words that sell nothing to the reader is flagged rather than blocked.
 */
public final class ScreeningEngine {

    /** A rule ready to run. {@code conditionScope} empty: applies whatever the post is about. */
    public record Rule(String code, ScreeningCategory category, String subcategory, ScreeningAction action,
            List<RulePattern> patterns, List<RulePattern> exceptions, boolean negatable, Pattern regex,
            int minRegexHits, Set<String> conditionScope, String notice) {
    }

    private final List<Rule> rules;

    public ScreeningEngine(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public int ruleCount() {
        return rules.size();
    }

    /** Compiles a rule's pattern lines (blank lines ignored); a bad line is an IllegalArgumentException naming it. */
    public static List<RulePattern> compileLines(String lines, Map<String, List<String>> wordLists) {
        List<RulePattern> patterns = new ArrayList<>();
        for (String line : lines.split("\\R")) {
            if (!line.isBlank()) {
                patterns.add(RulePattern.compile(line, wordLists));
            }
        }
        return patterns;
    }

    public ScreeningResult screen(String text, Collection<String> conditions) {
        if (text == null || text.isBlank()) {
            return ScreeningResult.CLEAN;
        }
        List<TextAnalysis.Token> tokens = TextAnalysis.tokens(text);
        List<int[]> sentences = sentences(tokens);
        CueScope cues = CueScope.of(text, tokens);
        AdviceVoice voice = new AdviceVoice(text, tokens, cues);
        List<ScreeningResult.Match> matches = new ArrayList<>();
        for (Rule rule : rules) {
            if (!rule.conditionScope().isEmpty() && conditions.stream().noneMatch(rule.conditionScope()::contains)) {
                continue;
            }
            for (int[] sentence : sentences) {
                ScreeningResult.Match match = matchInSentence(rule, text, tokens, cues, voice, sentence[0], sentence[1]);
                if (match != null) {
                    matches.add(match);
                }
            }
            if (rule.regex() != null) {
                matchRegex(rule, text, matches);
            }
        }
        ScreeningAction verdict = ScreeningAction.ALLOW;
        Set<String> notices = new LinkedHashSet<>();
        Set<String> urgentCare = new LinkedHashSet<>();
        matches.sort(Comparator.comparing((ScreeningResult.Match m) -> m.category() != ScreeningCategory.RED_FLAG)
                .thenComparing(ScreeningResult.Match::start));
        for (ScreeningResult.Match match : matches) {
            verdict = verdict.atLeast(match.action());
            rules.stream().filter(r -> r.code().equals(match.rule())).findFirst().ifPresent(r -> {
                notices.add(r.notice());
                if (r.category() == ScreeningCategory.RED_FLAG) {
                    urgentCare.add(r.notice());
                }
            });
        }
        return new ScreeningResult(verdict, List.copyOf(matches), List.copyOf(notices), List.copyOf(urgentCare));
    }

    private static ScreeningResult.Match matchInSentence(Rule rule, String text, List<TextAnalysis.Token> tokens,
            CueScope cues, AdviceVoice voice, int from, int to) {
        for (RulePattern pattern : rule.patterns()) {
            List<RulePattern.Span> spans = pattern.match(tokens, from, to);
            if (spans == null || (rule.negatable() && governed(rule, spans, cues))) {
                continue;
            }
            if (excepted(rule, spans, tokens)) {
                continue;
            }
            ScreeningAction action = switch (rule.category()) {
                case UNSAFE_ADVICE -> voice.of(spans, from, to).limit(rule.action());
                // A lone advertising cue in words that sell nothing to anyone ("I ordered my prescription online") is
                // only flagged: a false BLOCK throws away a member's words.
                case SPAM -> voice.addressed(from, to) || voice.selling(from, to) || cueCount(rule, tokens, from, to) > 1
                        ? rule.action() : AdviceVoice.Voice.UNADDRESSED.limit(rule.action());
                default -> rule.action();
            };
            int first = spans.stream().mapToInt(RulePattern.Span::firstToken).min().orElseThrow();
            int last = spans.stream().mapToInt(RulePattern.Span::lastToken).max().orElseThrow();
            int start = tokens.get(first).start();
            int end = tokens.get(last).end();
            return new ScreeningResult.Match(rule.code(), rule.category(), rule.subcategory(), action,
                    TextAnalysis.normalise(text).substring(start, end), start, end);
        }
        return null;
    }

    /** How many of the rule's pattern lines match in the sentence of tokens [from, to). */
    private static int cueCount(Rule rule, List<TextAnalysis.Token> tokens, int from, int to) {
        return (int) rule.patterns().stream().filter(p -> p.match(tokens, from, to) != null).count();
    }

    /**
     * Whether an exception pattern matches within a clause the match touches: "my doctor says walking, but just
     * double the painkillers" keeps its dosing match, as the doctor governs only the first clause.
     */
    private static boolean excepted(Rule rule, List<RulePattern.Span> spans, List<TextAnalysis.Token> tokens) {
        for (RulePattern.Span span : spans) {
            int clauseFrom = TextAnalysis.clauseStart(tokens, span.firstToken());
            int clauseTo = TextAnalysis.clauseEnd(tokens, span.lastToken());
            for (RulePattern exception : rule.exceptions()) {
                if (exception.match(tokens, clauseFrom, clauseTo) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a negation, or for a red flag a hypothetical, governs any clause of the match. */
    private static boolean governed(Rule rule, List<RulePattern.Span> spans, CueScope cues) {
        for (RulePattern.Span span : spans) {
            if (cues.negated(span.firstToken(), span.lastToken())
                    || (rule.category() == ScreeningCategory.RED_FLAG && cues.hypothetical(span.firstToken()))) {
                return true;
            }
        }
        return false;
    }

    private static void matchRegex(Rule rule, String text, List<ScreeningResult.Match> matches) {
        Matcher matcher = rule.regex().matcher(text);
        int hits = 0;
        int firstStart = -1;
        int lastEnd = -1;
        while (matcher.find()) {
            hits++;
            if (firstStart < 0) {
                firstStart = matcher.start();
            }
            lastEnd = matcher.end();
        }
        if (hits >= rule.minRegexHits()) {
            matches.add(new ScreeningResult.Match(rule.code(), rule.category(), rule.subcategory(), rule.action(),
                    text.substring(firstStart, lastEnd), firstStart, lastEnd));
        }
    }

    /** Token index ranges [from, to) of each sentence. */
    private static List<int[]> sentences(List<TextAnalysis.Token> tokens) {
        List<int[]> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= tokens.size(); i++) {
            if (i == tokens.size() || tokens.get(i).sentence() != tokens.get(start).sentence()) {
                sentences.add(new int[] {start, i});
                start = i;
            }
        }
        return sentences;
    }
}
