package io.backstory.platform.errors;

/**
 * What a request conflicted with, as it is now (a post or comment edited meanwhile, a rule at a newer version, a
 * suggestion already decided): a conflict carries it so the caller can reconcile their change with it.
 */
public interface CurrentState {
}
