package io.backstory.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.backstory.platform.content.Outcome;
import io.backstory.platform.content.PostKind;

/**
 * The demo community: the short posts and threads of {@code demo/demo-content.json}, and stories of real blog length
 * (1,500 to 8,000 characters, headed sections and lists, several per condition) in {@code demo/stories/*.yaml},
 * where Markdown reads as written. Tests use the same stories as realistic content.
 */
record DemoContent(List<String> members, List<DemoPost> posts) {

    static final String SHORT_POSTS = "demo/demo-content.json";
    static final List<String> STORIES = List.of("demo/stories/disc-sciatica-spasm-scoliosis.yaml",
            "demo/stories/fibromyalgia-stenosis-discs-si-joint.yaml",
            "demo/stories/low-back-facets-spondylolisthesis-as.yaml");

    record DemoPost(PostKind kind, String author, String title, List<String> conditions, Map<String, Outcome> remedies,
            String body, List<DemoComment> comments) {
    }

    record DemoComment(String author, String body, List<String> remedies, List<DemoComment> replies) {
    }

    /** Only posts: the stories use the members the short posts declare. */
    record Stories(List<DemoPost> posts) {
    }

    /** Everything, short posts first, then the stories file by file. */
    static DemoContent load() {
        DemoContent shortPosts = read(SHORT_POSTS, new ObjectMapper(), DemoContent.class);
        List<DemoPost> posts = new ArrayList<>(shortPosts.posts());
        posts.addAll(stories());
        return new DemoContent(shortPosts.members(), posts);
    }

    /** The long stories alone. */
    static List<DemoPost> stories() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        return STORIES.stream().flatMap(file -> read(file, yaml, Stories.class).posts().stream()).toList();
    }

    private static <T> T read(String resource, ObjectMapper mapper, Class<T> type) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return mapper.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }
}
