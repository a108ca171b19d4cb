package io.backstory.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The demo community's long stories as test fixtures (written for this project, 1,500 to 8,000 characters each), so
 * tests in any package meet the sizes and the Markdown real members write.
 */
public final class DemoStories {

    /** A story as a member would type it into the forms: Markdown body, outcomes by remedy slug, comment texts. */
    public record Story(String kind, String title, String body, List<String> conditions, Map<String, String> remedies,
            List<String> comments) {

        /** How many headings of the first three levels ("#" to "###") the body has. */
        public long headings() {
            return body.lines().filter(line -> line.matches("#{1,3} .*")).count();
        }
    }

    private DemoStories() {
    }

    public static List<Story> all() {
        return DemoContent.stories().stream().map(post -> new Story(post.kind().name(), post.title(), post.body(),
                post.conditions(), post.remedies().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().name())), texts(post.comments()))).toList();
    }

    private static List<String> texts(List<DemoContent.DemoComment> comments) {
        List<String> texts = new ArrayList<>();
        if (comments != null) {
            comments.forEach(c -> {
                texts.add(c.body());
                texts.addAll(texts(c.replies()));
            });
        }
        return texts;
    }

    /** The last few words of a Markdown text as a page shows them (links and emphasis resolved), to look for. */
    public static String lastWords(String markdown) {
        String last = markdown.strip().lines().reduce((a, b) -> b).orElse("")
                .replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("[*_`]", "")
                .replaceAll("^\\s*([-+>#]+|\\d+\\.)\\s*", "").strip();
        String[] words = last.split("\\s+");
        return String.join(" ", Arrays.copyOfRange(words, Math.max(0, words.length - 5), words.length));
    }
}
