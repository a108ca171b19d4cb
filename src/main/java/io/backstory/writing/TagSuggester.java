package io.backstory.writing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.backstory.platform.content.Outcome;

/**
 * Suggests conditions and remedies from what a member writes, each with the sentence that suggested it. Plain words
 * around a remedy say how it went: "ice didn't help" suggests ice with no change, "heat made it worse" heat with
 * worse; a remedy in a list under "What didn't help" takes that heading's outcome. Pure logic: no database.
 */
public final class TagSuggester {

    /** Sentences shown beside a suggestion are cut to this many characters. */
    static final int SENTENCE_MAX = 220;

    private static final Pattern NOT_TRIED = Pattern.compile(
            "\\b(never tried|haven'?t tried|have not tried|not tried|didn'?t try|did not try|never did|thinking about|"
                    + "considering|might try|going to try|wondering about|should i try|would you try|anyone tried)\\b");
    private static final Pattern WORSE = Pattern.compile(
            "\\b(worse|aggravat\\w*|flared|flare[- ]?up|set me back|sets me back|hurt more|more pain|went backwards|"
                    + "irritated|wound it up|made things worse|too much)\\b");
    private static final Pattern NO_CHANGE = Pattern.compile(
            "\\b((didn'?t|did not|doesn'?t|does not|don'?t|never|wouldn'?t|won'?t) (really |much |actually )?"
                    + "(help|do|work|change|touch|make)\\w*|no (real |big )?(difference|change|effect)|did nothing|"
                    + "does nothing|nothing changed|not much|waste of|no better|made no|wasn'?t worth|useless|"
                    + "not for me|no use|neutral|meh)\\b");
    private static final Pattern HELPED = Pattern.compile(
            "\\b(help(ed|s|ful)?|relie(f|ved)|better|eased?|easier|worked|works|game[- ]?changer|saved|improv\\w*|"
                    + "good sign|lifesaver|life saver|difference|turning point|took the edge off|calm(ed|s)? (it|things)|"
                    + "settled|loosen\\w*|best thing|swear by|recommend)\\b");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("\\s*(?:;|,? but |,? whereas |,? although |,? though )\\s*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\p{N}\"'*(])");

    private final TagVocabulary vocabulary;

    public TagSuggester(TagVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Everything the text suggests, in the order it first comes up, without what the member already tagged. */
    public List<TagSuggestion> suggest(String text, Set<String> taggedConditions, Set<String> taggedRemedies) {
        Map<String, TagSuggestion> found = new LinkedHashMap<>();
        Outcome sectionOutcome = null;
        for (String line : text.split("\\R")) {
            String plain = plain(line);
            if (plain.isEmpty()) {
                continue;
            }
            if (isHeading(line)) {
                // "## What didn't help": list items below it report that outcome unless they say otherwise.
                sectionOutcome = outcomeOf(plain.toLowerCase());
            }
            for (String sentence : SENTENCE_END.split(plain)) {
                collect(sentence, isHeading(line) ? null : sectionOutcome, taggedConditions, taggedRemedies, found);
            }
        }
        return List.copyOf(found.values());
    }

    private void collect(String sentence, Outcome sectionOutcome, Set<String> taggedConditions,
            Set<String> taggedRemedies, Map<String, TagSuggestion> found) {
        String lower = sentence.toLowerCase();
        for (TagVocabulary.Entry entry : vocabulary.entries()) {
            int at = entry.firstMatch(sentence);
            if (at < 0 || (entry.kind() == TagKind.CONDITION ? taggedConditions : taggedRemedies).contains(entry.slug())) {
                continue;
            }
            String key = entry.kind() + ":" + entry.slug();
            TagSuggestion earlier = found.get(key);
            if (entry.kind() == TagKind.CONDITION) {
                found.putIfAbsent(key, new TagSuggestion(TagKind.CONDITION, entry.slug(), shown(sentence), null));
                continue;
            }
            if (NOT_TRIED.matcher(lower).find()) {
                continue;
            }
            Outcome said = outcomeOf(clauseAround(lower, Math.min(at, lower.length())));
            Outcome outcome = said != null ? said : sectionOutcome;
            // The first sentence that says how it went is worth more than an earlier bare mention.
            if (earlier == null || (earlier.outcome() == null && outcome != null)) {
                found.put(key, new TagSuggestion(TagKind.REMEDY, entry.slug(), shown(sentence), outcome));
            }
        }
    }

    /** The part of the sentence between "but"s and semicolons that holds the mention at {@code at}. */
    private static String clauseAround(String lower, int at) {
        var m = CLAUSE_BREAK.matcher(lower);
        int start = 0;
        while (m.find()) {
            if (m.start() > at) {
                String clause = lower.substring(start, m.start());
                return outcomeOf(clause) != null ? clause : lower;
            }
            start = m.end();
        }
        String clause = lower.substring(start);
        return outcomeOf(clause) != null ? clause : lower;
    }

    static Outcome outcomeOf(String lower) {
        if (WORSE.matcher(lower).find()) {
            return Outcome.WORSE;
        }
        if (NO_CHANGE.matcher(lower).find()) {
            return Outcome.NO_CHANGE;
        }
        return HELPED.matcher(lower).find() ? Outcome.HELPED : null;
    }

    private static boolean isHeading(String line) {
        return line.stripLeading().startsWith("#");
    }

    /** The line as a person reads it: no Markdown heading, list or emphasis marks, links as their words. */
    static String plain(String line) {
        return line.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
                .replaceAll("^\\s*(#{1,6}|[-+*>]|\\d+[.)])\\s+", "")
                .replaceAll("(\\*\\*|__|\\*|`)", "")
                .strip();
    }

    private static String shown(String sentence) {
        String s = sentence.strip();
        return s.codePointCount(0, s.length()) <= SENTENCE_MAX ? s
                : s.substring(0, s.offsetByCodePoints(0, SENTENCE_MAX - 1)).stripTrailing() + "…";
    }
}
