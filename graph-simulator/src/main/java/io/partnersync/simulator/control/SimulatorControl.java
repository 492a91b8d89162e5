package io.partnersync.simulator.control;

import io.partnersync.simulator.data.Asset;
import io.partnersync.simulator.data.AssetShare;
import io.partnersync.simulator.data.Assignment;
import io.partnersync.simulator.data.Business;
import io.partnersync.simulator.data.BusinessUser;
import io.partnersync.simulator.data.DataSet;
import io.partnersync.simulator.data.PendingUser;
import io.partnersync.simulator.data.SystemUser;
import io.partnersync.simulator.data.Token;
import io.partnersync.simulator.graph.CallBudget;
import io.partnersync.simulator.graph.FaultInjector;
import io.partnersync.simulator.graph.Faults;
import io.partnersync.simulator.graph.RequestCounter;
import io.partnersync.simulator.graph.RequestCounts;
import io.partnersync.simulator.graph.UsageMeter;
import io.partnersync.simulator.state.GraphStore;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Steers a running simulator from Java: the same operations as the {@code /_sim} HTTP API. Changes
 * are visible to the next Graph call. Unknown ids throw {@link java.util.NoSuchElementException};
 * changes Graph would not allow throw {@link IllegalArgumentException}.
 */
public final class SimulatorControl {

    private static final System.Logger LOG = System.getLogger(SimulatorControl.class.getName());

    private final GraphStore store;
    private final FaultInjector faults;
    private final UsageMeter usageMeter;
    private final RequestCounter counter;
    private final CallBudget initialBudget;
    private volatile DataSet loaded;

    public SimulatorControl(GraphStore store, DataSet loaded, FaultInjector faults, UsageMeter usageMeter,
            RequestCounter counter) {
        this.store = store;
        this.loaded = loaded;
        this.faults = faults;
        this.usageMeter = usageMeter;
        this.counter = counter;
        this.initialBudget = usageMeter.budget();
    }

    // ---- data ----

    /** Replaces all data; every cursor handed out before becomes invalid. */
    public void loadData(DataSet data) {
        store.load(data);
        loaded = data;
        usageMeter.reset();
        LOG.log(System.Logger.Level.INFO, "loaded data set: {0} businesses, {1} assets, {2} people, {3} tokens",
                data.businesses().size(), data.assets().size(), data.peopleCount(), data.tokens().size());
    }

    /**
     * Back to the last loaded data set with no faults, the starting call budget, fresh usage windows
     * and no request counts: the state a test wants before it starts.
     */
    public void reset() {
        store.load(loaded);
        faults.set(Faults.none());
        usageMeter.setBudget(initialBudget);
        counter.reset();
    }

    public void expireCursors() {
        store.expireCursors();
    }

    public void setAppsecretProofRequired(boolean required) {
        store.setAppsecretProofRequired(required);
    }

    public void addBusiness(Business business) {
        store.addBusiness(business);
    }

    // ---- people ----

    public void addBusinessUser(BusinessUser user) {
        store.addBusinessUser(user);
    }

    public void updateBusinessUser(String businessId, String userId, UnaryOperator<BusinessUser> change) {
        store.updateBusinessUser(businessId, userId, change);
    }

    /** The user disappears with their assignments; cursors pointing at them answer 2642. */
    public void removeBusinessUser(String businessId, String userId) {
        store.removeBusinessUser(businessId, userId);
    }

    public void addSystemUser(SystemUser user) {
        store.addSystemUser(user);
    }

    public void updateSystemUser(String businessId, String userId, UnaryOperator<SystemUser> change) {
        store.updateSystemUser(businessId, userId, change);
    }

    /** Also breaks the system user's tokens (190 subcode 460), as deleting a system user does in Graph. */
    public void removeSystemUser(String businessId, String userId) {
        store.removeSystemUser(businessId, userId);
    }

    public void addPendingUser(PendingUser invite) {
        store.addPendingUser(invite);
    }

    public void updatePendingUser(String businessId, String inviteId, UnaryOperator<PendingUser> change) {
        store.updatePendingUser(businessId, inviteId, change);
    }

    public void removePendingUser(String businessId, String inviteId) {
        store.removePendingUser(businessId, inviteId);
    }

    // ---- assets and assignments ----

    public void addAsset(Asset asset) {
        store.addAsset(asset);
    }

    public void updateAsset(String assetId, UnaryOperator<Asset> change) {
        store.updateAsset(assetId, change);
    }

    public void removeAsset(String assetId) {
        store.removeAsset(assetId);
    }

    /** Shares the asset, or changes an existing share (tasks, access status). */
    public void shareAsset(String assetId, AssetShare share) {
        store.shareAsset(assetId, share);
    }

    /** The business's people lose their assignments on the asset. */
    public void unshareAsset(String assetId, String businessId) {
        store.unshareAsset(assetId, businessId);
    }

    /** Sets the person's tasks on the asset, adding the assignment if needed. */
    public void assign(String assetId, String userId, List<String> tasks) {
        store.assign(new Assignment(assetId, userId, tasks));
    }

    public void unassign(String assetId, String userId) {
        store.unassign(assetId, userId);
    }

    // ---- tokens ----

    public void addToken(Token token) {
        store.addToken(token);
    }

    /** From now on the token answers 190 subcode 460 and debug_token reports it invalid. */
    public void revokeToken(String tokenValue) {
        store.revokeToken(tokenValue);
        LOG.log(System.Logger.Level.INFO, "revoked token {0}", Token.fingerprint(tokenValue));
    }

    // ---- faults, budget, counts ----

    public Faults faults() {
        return faults.current();
    }

    public void setFaults(Faults newFaults) {
        faults.set(newFaults);
        LOG.log(System.Logger.Level.INFO, "faults now {0}", newFaults);
    }

    public void clearFaults() {
        faults.set(Faults.none());
    }

    public CallBudget callBudget() {
        return usageMeter.budget();
    }

    /** A new budget; every business starts a fresh window. */
    public void setCallBudget(CallBudget budget) {
        usageMeter.setBudget(budget);
    }

    public RequestCounts requestCounts() {
        return counter.snapshot();
    }

    public void resetRequestCounts() {
        counter.reset();
    }
}
