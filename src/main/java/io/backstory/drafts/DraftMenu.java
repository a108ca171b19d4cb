package io.backstory.drafts;

import java.util.Optional;

import io.backstory.accounts.CurrentMember;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** "Drafts (n)" in the account menu ({@code inject:drafts.count}): counted once per page, only for members. */
@RequestScoped
@Named("drafts")
public class DraftMenu {

    private final CurrentMember viewer;
    private final DraftService drafts;
    private Integer count;

    DraftMenu(CurrentMember viewer, DraftService drafts) {
        this.viewer = viewer;
        this.drafts = drafts;
    }

    /**
     * The member's draft of the form at {@code formPath}, read together with this menu's count: a page with a form
     * gets both in one statement (the menu is rendered after the page's own reads).
     */
    public Optional<Draft> find(long memberId, String formPath) {
        DraftService.Counted found = drafts.findCounting(memberId, formPath);
        count = found.count();
        return found.draft();
    }

    public int getCount() {
        if (count == null) {
            count = viewer.isLoggedIn() ? drafts.count(viewer.id()) : 0;
        }
        return count;
    }
}
