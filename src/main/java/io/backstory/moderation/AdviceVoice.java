package io.backstory.moderation;

import java.util.List;
import java.util.Map;

/**
 * Whose advice a match of an unsafe-advice rule is. The rules hold advice the writer gives in their own voice; the
 * same words told as someone else's that the writer disowns ("a man at work said to triple the pills, which is
 * reckless"), as a temptation ("I was tempted to take extra pills but didn't") or as a habit the writer gave up ("I
 * used to take double doses, never again") warn more than they advise. Decided per clause, as {@link CueScope} does for
 * negations: the cue must stand before the match in the match's own clause, so in "my doctor says rest, but just double
 * the dose" the doubling is the writer's own. Words after the match that vouch for it ("it worked great, do it") keep it
 * the writer's own whatever came before.
 */
final class AdviceVoice {

    /** Who speaks, and the most a rule may do about it. */
    enum Voice {
        /** The writer's own advice: the rule's action stands. */
        OWN(ScreeningAction.BLOCK),
        /** Someone else's words or deeds, disowned: still flagged, as disowning is easy to fake ("terrible advice ;)"). */
        DISOWNED_REPORT(ScreeningAction.FLAG),
        /** The writer's own temptation or past habit, said no more: flagged for a moderator to read. */
        TEMPTATION_OR_HABIT(ScreeningAction.FLAG),
        /** The writer's own temptation resisted or habit given up, in so many words: a safety note is enough. */
        RESISTED_OR_GIVEN_UP(ScreeningAction.NOTICE);

        private final ScreeningAction most;

        Voice(ScreeningAction most) {
            this.most = most;
        }

        /** The rule's action, lowered to the most this voice allows. */
        ScreeningAction limit(ScreeningAction action) {
            return action.compareTo(most) > 0 ? most : action;
        }
    }

    /** How far before the match a cue may stand in its clause. */
    private static final int CUE_WINDOW = 12;
    /** How far before a disowning or vouching cue a negation turns it round. */
    private static final int NEGATION_WINDOW = 2;

    /** Someone's words or deeds: "my neighbour swears you should", "don't do what my uncle did". */
    private static final List<RulePattern> REPORTED = cues("""
            said|says|saying|told|tells|telling|suggested|suggests|suggesting|recommended|recommends|reckons|reckoned
            claimed|claims|swears|swore|insisted|insists|advised|advises|posted|wrote|preaches|preached""");
    private static final List<RulePattern> WARNED_AGAINST = cues("""
            don't|never|not do|try|copy|repeat what ~1
            don't|never make the same mistake ~1""");
    /**
     * Said of the reported advice, after it: the writer will have none of it. Before it, such words may be the report's
     * ("my GP said the worry is nonsense, take double the codeine").
     */
    private static final List<RulePattern> DISOWNING = cues("""
            terrible|awful|bad|dangerous|stupid|dumb|crazy|insane|reckless|irresponsible|horrible|idiotic|risky|worst|harmful advice|idea|tip|suggestion|move ~2
            nonsense|rubbish|bs|bullshit|madness|bonkers|reckless|irresponsible|dangerous
            i|we didn't|won't|wouldn't|never|ignored|refused|declined ~1
            i|we did not ~1
            don't|never listen|follow ~1
            ended|landed up in|him|her|them|me hospital|icu|emergency|er ~3""");
    /** The writer's own temptation: "I was so tempted", "I nearly". */
    private static final List<RulePattern> TEMPTATION = cues("""
            tempted|temptation|urge
            i|we almost|nearly ~1
            i|we wanted|considered|contemplated ~2
            i|we thought about ~2""");
    /** The writer's own past habit: "I used to", or a sentence that starts "Used to". */
    private static final RulePattern USED_TO = RulePattern.compile("used to ~0", Map.of());
    /** After the temptation or habit: the writer did not, or does no more (negations are the point: "not anymore"). */
    private static final List<RulePattern> RESISTED_OR_GIVEN_UP = cues("""
            didn't|resisted|instead|stopped|quit
            did not ~0
            decided against ~0
            thought better ~0
            never again ~0
            no longer ~0
            gave up ~0
            anymore
            lesson|mistake|regret*""");
    /** After the match: the writer vouches for it after all. */
    private static final List<RulePattern> ENDORSEMENT = cues("""
            do|try this|it ~0
            go for it ~1
            trust me ~0
            worked|works great|wonders|perfectly|well|fine|treat|charm ~2
            it|this|that works|worked ~1
            highly recommend ~0
            recommend it|this ~1
            game changer ~0
            you should too ~2
            won't regret ~0
            do the same ~0""");

    private final List<TextAnalysis.Token> tokens;
    private final CueScope cues;

    AdviceVoice(List<TextAnalysis.Token> tokens, CueScope cues) {
        this.tokens = tokens;
        this.cues = cues;
    }

    /** Whose voice the match with these spans is in, within the sentence of tokens [from, to). */
    Voice of(List<RulePattern.Span> spans, int from, int to) {
        int last = spans.stream().mapToInt(RulePattern.Span::lastToken).max().orElseThrow();
        if (vouched(last + 1, to)) {
            return Voice.OWN;
        }
        Voice voice = null;
        for (RulePattern.Span span : spans) {
            Voice spanVoice = ofClause(span.firstToken(), from, to);
            if (spanVoice == Voice.OWN) {
                return Voice.OWN; // a clause in the writer's own voice decides: "a friend said rest; double it"
            }
            voice = voice == null || spanVoice.most.compareTo(voice.most) > 0 ? spanVoice : voice; // the strictest
        }
        return voice;
    }

    private Voice ofClause(int matchStart, int from, int to) {
        int cuesFrom = Math.max(TextAnalysis.clauseStart(tokens, matchStart), matchStart - CUE_WINDOW);
        if (firstOf(WARNED_AGAINST, cuesFrom, matchStart) != null) {
            return Voice.DISOWNED_REPORT;
        }
        for (int i = cuesFrom; i < matchStart; i++) {
            RulePattern.Span report = firstOf(REPORTED, i, matchStart);
            if (report == null) {
                break;
            }
            i = report.firstToken();
            if (!firstPerson(i - 1) && said(DISOWNING, matchStart, to)) {
                return Voice.DISOWNED_REPORT;
            }
        }
        RulePattern.Span cue = firstOf(TEMPTATION, cuesFrom, matchStart);
        if (cue == null) {
            RulePattern.Span usedTo = firstOf(List.of(USED_TO), cuesFrom, matchStart);
            cue = usedTo != null && (usedTo.firstToken() == from || firstPerson(usedTo.firstToken() - 1)) ? usedTo : null;
        }
        if (cue == null) {
            return Voice.OWN;
        }
        return firstOf(RESISTED_OR_GIVEN_UP, cue.lastToken() + 1, to) != null ? Voice.RESISTED_OR_GIVEN_UP
                : Voice.TEMPTATION_OR_HABIT;
    }

    /** Words vouching for the advice from token {@code from} to the end of this sentence and the next one. */
    private boolean vouched(int from, int sentenceEnd) {
        int to = sentenceEnd;
        while (to < tokens.size() && sentenceEnd > 0 && tokens.get(to).sentence() == tokens.get(sentenceEnd - 1).sentence() + 1) {
            to++;
        }
        return said(ENDORSEMENT, from, to);
    }

    /**
     * Whether one of these cues stands in tokens [from, to), not negated right before it ("it's not terrible advice",
     * "don't do it"); a negation further back belongs to other words ("it isn't, trust me").
     */
    private boolean said(List<RulePattern> phrases, int from, int to) {
        for (RulePattern phrase : phrases) {
            for (int start = from; start < to; start++) {
                List<RulePattern.Span> spans = phrase.match(tokens, start, to);
                if (spans == null) {
                    break;
                }
                start = spans.get(0).firstToken();
                if (!cues.negatedRightBefore(start, NEGATION_WINDOW)) {
                    return true;
                }
            }
        }
        return false;
    }

    private RulePattern.Span firstOf(List<RulePattern> phrases, int from, int to) {
        RulePattern.Span first = null;
        for (RulePattern phrase : phrases) {
            List<RulePattern.Span> spans = phrase.match(tokens, from, to);
            if (spans != null && (first == null || spans.get(0).firstToken() < first.firstToken())) {
                first = spans.get(0);
            }
        }
        return first;
    }

    private boolean firstPerson(int token) {
        return token >= 0 && (tokens.get(token).surface().equals("i") || tokens.get(token).surface().equals("we"));
    }

    private static List<RulePattern> cues(String lines) {
        return ScreeningEngine.compileLines(lines, Map.of());
    }
}
