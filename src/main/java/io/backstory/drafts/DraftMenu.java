package io.backstory.drafts;

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

    public int getCount() {
        if (count == null) {
            count = viewer.isLoggedIn() ? drafts.count(viewer.get().id) : 0;
        }
        return count;
    }
}
