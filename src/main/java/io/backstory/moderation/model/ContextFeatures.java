package io.backstory.moderation.model;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.backstory.moderation.CueScope;

/**
 * What a sentence embedding blurs and the verdict hangs on: is it quoted or reported, negated, addressed to the
 * reader, about the writer, a question, does it name a professional or an emergency visit, does it sell, does it open
 * with an order ("take", "just skip"), does it speak of more ("double", "extra", "more than"), does it speak of what might
 * happen ("come back if you get numbness", the rules' {@link CueScope}), is the reader advised with nothing of the
 * writer's own. Each is 0 or 1, appended to the embedding, so the regression can learn that "you should double it" and "someone said to double it, which
 * is terrible advice" differ, and that "watch for numbness in the groin" is no symptom.
 */
final class ContextFeatures {

    /** A health professional named. */
    private static final Pattern PROFESSIONAL = Pattern.compile(
            "\\b(doctor|doc|gp|physio|pt|therapist|surgeon|pharmacist|nurse|consultant|neurologist|chiro\\w*|clinic|professional|specialist|medic)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final List<Pattern> FEATURES = List.of(
            Pattern.compile("[\"“”']\\s*\\w|\\b(said|says|told|suggested|claims?)\\b.*\\b(terrible|bad|dangerous|awful|wrong)\\b"),
            Pattern.compile("\\b(no|not|never|don'?t|didn'?t|doesn'?t|won'?t|wouldn'?t|shouldn'?t|without|please don'?t)\\b"),
            Pattern.compile("\\b(you|your|u|ur|ya|yourself)\\b"),
            Pattern.compile("\\b(i|my|me|i'm|im|i've|ive|mine|myself)\\b"),
            Pattern.compile("\\?"),
            PROFESSIONAL,
            Pattern.compile("\\b(er|a&e|emergency|hospital|urgent care|ambulance|111|911|999)\\b"),
            Pattern.compile("(\\bdm me\\b|\\blink in\\b|\\bcode\\b|%\\s*off|\\$\\d|\\border\\b|\\bbuy\\b)"),
            // an order to the reader: the sentence opens (after a filler or two) with a verb of advice
            Pattern.compile("^(?:\\W*(?:so|and|but|then|just|honestly|seriously|tbh|lol|ok|okay|pro tip:?|trust me,?)\\s+)*"
                    + "(?:take|try|double|triple|stop|skip|ditch|quit|ignore|crack|push|pop|mix|crush|stack|chuck|throw|use|go"
                    + "|keep|don'?t|dont|never|have|get|grab|put|hang|lift|do|run|load|up)\\b"),
            // more of something: how unsafe dosing is told
            Pattern.compile("\\b(double|doubling|doubled|triple|twice|extra|more than|another|stack\\w*|max|maximum|2x|x2|3x"
                    + "|whole|entire|all of|as many|as much|handful|bunch)\\b"));
    private static final Pattern TO_THE_READER = Pattern.compile("\\b(you|your|u|ur|ya|just|try|yourself)\\b");
    private static final Pattern ABOUT_THE_WRITER = Pattern.compile("\\b(i|my|me|i'm|im|i've|ive)\\b");

    /** Where the features added last stand among them (the order is the list's, then the two computed below). */
    static final int OPENS_WITH_AN_ORDER = FEATURES.size() - 2;
    static final int SPEAKS_OF_MORE = FEATURES.size() - 1;
    static final int ADVISES_THE_READER = FEATURES.size() + 1;
    static final int COUNT = FEATURES.size() + 2;

    private ContextFeatures() {
    }

    /** The sentence with every professional named replaced by "someone" ({@link ScreeningModel#forSecondOpinion}). */
    static String withoutProfessionals(String sentence) {
        return PROFESSIONAL.matcher(sentence).replaceAll("someone");
    }

    static float[] of(String sentence) {
        String text = sentence.toLowerCase(Locale.ROOT).replace('’', '\'').strip();
        float[] features = new float[COUNT];
        for (int i = 0; i < FEATURES.size(); i++) {
            features[i] = FEATURES.get(i).matcher(text).find() ? 1f : 0f;
        }
        features[FEATURES.size()] = CueScope.hasHypothetical(sentence) ? 1f : 0f;
        // who is advised: the reader ("you", "just try"), with nothing about the writer's own experience
        features[ADVISES_THE_READER] = TO_THE_READER.matcher(text).find() && !ABOUT_THE_WRITER.matcher(text).find() ? 1f : 0f;
        return features;
    }
}
