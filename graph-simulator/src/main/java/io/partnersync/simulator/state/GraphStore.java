package io.partnersync.simulator.state;

import io.partnersync.simulator.data.Asset;
import io.partnersync.simulator.data.AssetShare;
import io.partnersync.simulator.data.Assignment;
import io.partnersync.simulator.data.Business;
import io.partnersync.simulator.data.BusinessUser;
import io.partnersync.simulator.data.DataSet;
import io.partnersync.simulator.data.PendingUser;
import io.partnersync.simulator.data.SystemUser;
import io.partnersync.simulator.data.Token;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The simulator's live data, safe for concurrent Graph reads and control changes: reads share a
 * read lock, each change takes the write lock, so a change lands between two reads, never inside one.
 * Changes throw {@link java.util.NoSuchElementException} for unknown ids and
 * {@link IllegalArgumentException} for changes Graph would not allow.
 */
public final class GraphStore {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private GraphState state;

    public GraphStore(DataSet data) {
        state = GraphState.of(data, 0);
    }

    public <T> T read(Function<GraphData, T> query) {
        lock.readLock().lock();
        try {
            return query.apply(state);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Replaces everything; cursors handed out before die. A data set that does not hold together is refused whole. */
    public void load(DataSet data) {
        GraphState fresh = GraphState.of(data, 0);
        change(current -> {
            fresh.replace(current);
            state = fresh;
        });
    }

    public void expireCursors() {
        change(GraphState::expireCursors);
    }

    public void setAppsecretProofRequired(boolean required) {
        change(s -> s.setAppsecretProofRequired(required));
    }

    public void addBusiness(Business business) {
        change(s -> s.addBusiness(business));
    }

    public void addBusinessUser(BusinessUser user) {
        change(s -> s.addBusinessUser(user));
    }

    public void updateBusinessUser(String businessId, String userId, UnaryOperator<BusinessUser> change) {
        change(s -> s.updateBusinessUser(businessId, userId, change));
    }

    public void removeBusinessUser(String businessId, String userId) {
        change(s -> s.removeBusinessUser(businessId, userId));
    }

    public void addSystemUser(SystemUser user) {
        change(s -> s.addSystemUser(user));
    }

    public void updateSystemUser(String businessId, String userId, UnaryOperator<SystemUser> change) {
        change(s -> s.updateSystemUser(businessId, userId, change));
    }

    public void removeSystemUser(String businessId, String userId) {
        change(s -> s.removeSystemUser(businessId, userId));
    }

    public void addPendingUser(PendingUser invite) {
        change(s -> s.addPendingUser(invite));
    }

    public void updatePendingUser(String businessId, String inviteId, UnaryOperator<PendingUser> change) {
        change(s -> s.updatePendingUser(businessId, inviteId, change));
    }

    public void removePendingUser(String businessId, String inviteId) {
        change(s -> s.removePendingUser(businessId, inviteId));
    }

    public void addAsset(Asset asset) {
        change(s -> s.addAsset(asset));
    }

    public void updateAsset(String assetId, UnaryOperator<Asset> change) {
        change(s -> s.updateAsset(assetId, change));
    }

    public void removeAsset(String assetId) {
        change(s -> s.removeAsset(assetId));
    }

    public void shareAsset(String assetId, AssetShare share) {
        change(s -> s.shareAsset(assetId, share));
    }

    public void unshareAsset(String assetId, String businessId) {
        change(s -> s.unshareAsset(assetId, businessId));
    }

    public void assign(Assignment assignment) {
        change(s -> s.assign(assignment));
    }

    public void unassign(String assetId, String userId) {
        change(s -> s.unassign(assetId, userId));
    }

    public void addToken(Token token) {
        change(s -> s.addToken(token));
    }

    public void revokeToken(String value) {
        change(s -> s.revokeToken(value));
    }

    private void change(Consumer<GraphState> change) {
        lock.writeLock().lock();
        try {
            change.accept(state);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
