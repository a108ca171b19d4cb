package io.backstory.demo;

import java.util.List;
import java.util.Map;

import io.backstory.community.Outcome;
import io.backstory.community.PostKind;

/** The shape of {@code demo/demo-content.json}: hand-written posts with their comment threads. */
record DemoContent(List<String> members, List<DemoPost> posts) {

    record DemoPost(PostKind kind, String author, String title, List<String> conditions, Map<String, Outcome> remedies,
            String body, List<DemoComment> comments) {
    }

    record DemoComment(String author, String body, List<String> remedies, List<DemoComment> replies) {
    }
}
