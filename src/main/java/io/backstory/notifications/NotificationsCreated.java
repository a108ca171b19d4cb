package io.backstory.notifications;

import java.util.List;

/**
 * Fired (synchronously, inside the transaction that wrote them) when notifications of one kind are written, so that
 * other features can act on them in the same transaction: mail/ queues their e-mails there.
 */
public record NotificationsCreated(NotificationKind kind, List<Long> ids) {
}
