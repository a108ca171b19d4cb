package io.backstory.writing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.backstory.platform.content.Outcome;
import io.backstory.demo.DemoStories;

/**
 * The suggester on short sentences, and measured on the 35 long demo stories, whose writers labelled their
 * conditions and what each remedy did: how many suggestions are right (precision) and how many labels it finds
 * (recall).
 */
class TagSuggesterTest {

    private static final TagSuggester SUGGESTER = new TagSuggester(TagVocabulary.load());

    private static List<TagSuggestion> suggest(String text) {
        return SUGGESTER.suggest(text, Set.of(), Set.of());
    }

    private static Optional<TagSuggestion> remedy(List<TagSuggestion> suggestions, String slug) {
        return suggestions.stream().filter(s -> s.kind() == TagKind.REMEDY && s.slug().equals(slug)).findFirst();
    }

    @Test
    void synonymsNameTheRemedyAndTheSentenceComesWithIt() {
        List<TagSuggestion> found = suggest("My heating pad got me through the first week. Then I took Advil for a few days.");
        TagSuggestion heat = remedy(found, "heat").orElseThrow();
        assertEquals("My heating pad got me through the first week.", heat.sentence());
        TagSuggestion nsaids = remedy(found, "nsaids").orElseThrow();
        assertEquals("Then I took Advil for a few days.", nsaids.sentence());
        assertTrue(remedy(suggest("Naproxen twice a day"), "nsaids").isPresent());
        assertTrue(remedy(suggest("My PT gave me homework"), "physical-therapy").isPresent());
        assertTrue(remedy(suggest("I saw a physio"), "physical-therapy").isPresent());
        assertTrue(remedy(suggest("Press-ups on the floor every hour"), "mckenzie").isPresent());
        assertTrue(remedy(suggest("a hot water bottle at night"), "heat").isPresent());
    }

    @Test
    void negationAndWorseAreRead() {
        assertEquals(Outcome.NO_CHANGE, remedy(suggest("Ice didn't help at all."), "ice").orElseThrow().outcome());
        assertEquals(Outcome.WORSE, remedy(suggest("The inversion table made it worse."), "traction").orElseThrow().outcome());
        assertEquals(Outcome.HELPED, remedy(suggest("Walking helped more than anything."), "walking").orElseThrow().outcome());
        List<TagSuggestion> both = suggest("Heat helped a lot, but ice made it worse.");
        assertEquals(Outcome.HELPED, remedy(both, "heat").orElseThrow().outcome());
        assertEquals(Outcome.WORSE, remedy(both, "ice").orElseThrow().outcome());
        assertNull(remedy(suggest("I use a foam roller after work."), "foam-rolling").orElseThrow().outcome());
        assertTrue(remedy(suggest("I have never tried acupuncture."), "acupuncture").isEmpty());
    }

    @Test
    void aHeadingGivesItsOutcomeToTheListBelowIt() {
        List<TagSuggestion> found = suggest("""
                ## What helped
                - Yoga twice a week
                ## What didn't help
                - **Ibuprofen** on its own
                - A back brace. It felt secure.
                """);
        assertEquals(Outcome.HELPED, remedy(found, "yoga").orElseThrow().outcome());
        assertEquals(Outcome.NO_CHANGE, remedy(found, "nsaids").orElseThrow().outcome());
        assertEquals(Outcome.NO_CHANGE, remedy(found, "back-brace").orElseThrow().outcome());
        assertEquals("Ibuprofen on its own", remedy(found, "nsaids").orElseThrow().sentence());
    }

    @Test
    void whatIsAlreadyTaggedIsNotSuggestedAgainAndCapitalsMatter() {
        List<TagSuggestion> found = SUGGESTER.suggest("Sciatica and a slipped disc; heat helped.", Set.of("sciatica"),
                Set.of("heat"));
        assertEquals(List.of("herniated-disc"), found.stream().map(TagSuggestion::slug).toList());
        assertTrue(suggest("as it was").isEmpty(), "'as' is not ankylosing spondylitis");
        assertEquals("ankylosing-spondylitis", suggest("I was diagnosed with AS at 30").get(0).slug());
    }

    @Test
    void theVocabularyNamesEveryTagOnce() {
        Set<String> slugs = new HashSet<>();
        TagVocabulary.load().entries().forEach(e -> assertTrue(slugs.add(e.kind() + ":" + e.slug()), e.slug()));
        assertEquals(12, slugs.stream().filter(s -> s.startsWith("CONDITION")).count());
        assertEquals(35, slugs.stream().filter(s -> s.startsWith("REMEDY")).count());
    }

    /**
     * Precision and recall on the demo stories; outcome agreement on the remedies found and labelled. The writers
     * labelled what mattered to them, so a remedy a story does mention but left unlabelled counts as wrong here:
     * the precision is a floor. Floors sit a little under what was measured (README), so a vocabulary change that
     * costs much fails the build. {@code -Dsuggester.verbose} lists every miss and every extra suggestion.
     */
    @Test
    void demoStories() {
        int[] remedies = new int[3]; // suggested and labelled, suggested, labelled
        int[] conditions = new int[3];
        int outcomesRight = 0;
        int outcomesJudged = 0;
        List<DemoStories.Story> stories = DemoStories.all();
        for (DemoStories.Story story : stories) {
            List<TagSuggestion> found = suggest(story.title() + "\n\n" + story.body());
            Map<String, TagSuggestion> suggestedRemedies = found.stream().filter(s -> s.kind() == TagKind.REMEDY)
                    .collect(Collectors.toMap(TagSuggestion::slug, s -> s));
            Set<String> suggestedConditions = found.stream().filter(s -> s.kind() == TagKind.CONDITION)
                    .map(TagSuggestion::slug).collect(Collectors.toSet());
            count(remedies, suggestedRemedies.keySet(), story.remedies().keySet());
            count(conditions, suggestedConditions, Set.copyOf(story.conditions()));
            for (var label : story.remedies().entrySet()) {
                TagSuggestion s = suggestedRemedies.get(label.getKey());
                if (s != null && s.outcome() != null) {
                    outcomesJudged++;
                    if (s.outcome().name().equals(label.getValue())) {
                        outcomesRight++;
                    }
                }
                if (System.getProperty("suggester.verbose") != null && (s == null || s.outcome() == null
                        || !s.outcome().name().equals(label.getValue()))) {
                    System.out.println("MISS " + label + " got " + (s == null ? "nothing" : s.outcome() + " from: " + s.sentence()));
                }
            }
            if (System.getProperty("suggester.verbose") != null) {
                found.stream().filter(s -> s.kind() == TagKind.CONDITION && !story.conditions().contains(s.slug()))
                        .forEach(s -> System.out.println("EXTRA-C " + s.slug() + ": " + s.sentence()));
                story.conditions().stream().filter(c -> !suggestedConditions.contains(c))
                        .forEach(c -> System.out.println("MISS-C " + c + " in: " + story.title()));
                suggestedRemedies.values().stream().filter(s -> !story.remedies().containsKey(s.slug()))
                        .forEach(s -> System.out.println("EXTRA " + s.slug() + ": " + s.sentence()));
            }
        }
        double remedyPrecision = ratio(remedies[0], remedies[1]);
        double remedyRecall = ratio(remedies[0], remedies[2]);
        double conditionPrecision = ratio(conditions[0], conditions[1]);
        double conditionRecall = ratio(conditions[0], conditions[2]);
        double outcomeAgreement = ratio(outcomesRight, outcomesJudged);
        System.out.printf("Tag suggestions on %d demo stories:%n"
                + "  remedies:   precision %.2f (%d of %d suggested), recall %.2f (%d of %d labelled)%n"
                + "  conditions: precision %.2f (%d of %d suggested), recall %.2f (%d of %d labelled)%n"
                + "  outcome right for %.2f of the labelled remedies found with an outcome (%d of %d)%n",
                stories.size(), remedyPrecision, remedies[0], remedies[1], remedyRecall, remedies[0], remedies[2],
                conditionPrecision, conditions[0], conditions[1], conditionRecall, conditions[0], conditions[2],
                outcomeAgreement, outcomesRight, outcomesJudged);
        assertTrue(stories.size() >= 35);
        assertTrue(remedyPrecision >= 0.75, "remedy precision " + remedyPrecision);
        assertTrue(remedyRecall >= 0.85, "remedy recall " + remedyRecall);
        assertTrue(conditionPrecision >= 0.65, "condition precision " + conditionPrecision);
        assertTrue(conditionRecall >= 0.70, "condition recall " + conditionRecall);
        assertTrue(outcomeAgreement >= 0.75, "outcome agreement " + outcomeAgreement);
    }

    private static void count(int[] tally, Set<String> suggested, Set<String> labelled) {
        tally[0] += (int) suggested.stream().filter(labelled::contains).count();
        tally[1] += suggested.size();
        tally[2] += labelled.size();
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
