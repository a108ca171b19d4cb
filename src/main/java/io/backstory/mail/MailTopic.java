package io.backstory.mail;

import java.util.Arrays;
import java.util.Optional;

import io.backstory.notifications.NotificationKind;

/** What members may hear about by mail, each with its own frequency; new members start with {@link #initial}. */
public enum MailTopic {
    REPLIES(NotificationKind.REPLY, "Replies to my posts and comments", MailFrequency.AT_ONCE),
    ACCEPTED_ANSWERS(NotificationKind.ANSWER_ACCEPTED, "My answer marked as the one that helped", MailFrequency.AT_ONCE),
    MODERATION(NotificationKind.MODERATION, "Moderators' decisions about my posts and comments", MailFrequency.AT_ONCE),
    MENTIONS(NotificationKind.MENTION, "Someone mentions me with @ and my handle", MailFrequency.AT_ONCE),
    /** At once: each new post; in a digest: the best new tips and stories of the period. */
    NEW_POSTS(NotificationKind.NEW_POST, "New posts in conditions I follow", MailFrequency.WEEKLY);

    final NotificationKind notificationKind;
    public final String label;
    final MailFrequency initial;

    MailTopic(NotificationKind notificationKind, String label, MailFrequency initial) {
        this.notificationKind = notificationKind;
        this.label = label;
        this.initial = initial;
    }

    /** The name of the topic's field in the settings form ({@code acceptedAnswers}). */
    public String field() {
        String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder field = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            field.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return field.toString();
    }

    /** The topic a notification belongs to; none for kinds that never come by mail (what came of a flag). */
    static Optional<MailTopic> of(NotificationKind kind) {
        return Arrays.stream(values()).filter(topic -> topic.notificationKind == kind).findFirst();
    }
}
