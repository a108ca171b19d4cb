package io.backstory.notifications;

import io.backstory.accounts.CurrentMember;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The viewer's unread notifications, for the layout's header ({@code inject:unread.count}). Kept here rather than on
 * {@link CurrentMember}, which notifications depend on: accounts knows who is asking, notifications what they missed.
 */
@RequestScoped
@Named("unread")
public class UnreadNotifications {

    private final CurrentMember viewer;
    private final NotificationService notifications;
    private Long count;

    public UnreadNotifications(CurrentMember viewer, NotificationService notifications) {
        this.viewer = viewer;
        this.notifications = notifications;
    }

    /** 0 for visitors. Counted once per request (the layout asks twice). */
    public long getCount() {
        if (count == null) {
            count = viewer.isLoggedIn() ? notifications.unreadCount(viewer.id()) : 0;
        }
        return count;
    }
}
