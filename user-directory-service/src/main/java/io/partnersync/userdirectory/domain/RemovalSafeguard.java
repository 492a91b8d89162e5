package io.partnersync.userdirectory.domain;

/**
 * The sync safeguard: a run that would remove more than {@code maxShare} of a partner's
 * active people (counted before the removals, including the people the run added) is more
 * likely a broken read than a mass departure, so its removals wait for an admin.
 */
public record RemovalSafeguard(double maxShare) {

    public boolean holds(int removals, int activePeople) {
        return removals > 0 && (double) removals / activePeople > maxShare;
    }
}
