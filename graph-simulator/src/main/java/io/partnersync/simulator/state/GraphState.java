package io.partnersync.simulator.state;

import io.partnersync.simulator.data.App;
import io.partnersync.simulator.data.Asset;
import io.partnersync.simulator.data.AssetShare;
import io.partnersync.simulator.data.Assignment;
import io.partnersync.simulator.data.Business;
import io.partnersync.simulator.data.BusinessUser;
import io.partnersync.simulator.data.DataSet;
import io.partnersync.simulator.data.PendingUser;
import io.partnersync.simulator.data.Person;
import io.partnersync.simulator.data.SystemUser;
import io.partnersync.simulator.data.Token;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The indexed data behind the simulator. Every change checks references first, so a refused
 * change leaves the state as it was. Not thread-safe: {@link GraphStore} guards it.
 */
final class GraphState implements GraphData {

    private static final NavigableMap<Long, ?> EMPTY = Collections.unmodifiableNavigableMap(new TreeMap<>());

    private App app;
    private int cursorEpoch;
    private long lastPosition;
    private final EntityTable<Business> businesses = new EntityTable<>("business");
    private final EntityTable<Asset> assets = new EntityTable<>("asset");
    private final Map<String, EntityTable<BusinessUser>> businessUsers = new HashMap<>();
    private final Map<String, EntityTable<SystemUser>> systemUsers = new HashMap<>();
    private final Map<String, EntityTable<PendingUser>> pendingUsers = new HashMap<>();
    /** Business and system users by id: assignments and tokens name people by id alone. */
    private final Map<String, Person> people = new HashMap<>();
    /** Asset id, then the person's business id, then assignments by user id. */
    private final Map<String, Map<String, EntityTable<Assignment>>> assignments = new HashMap<>();
    private final Map<String, Token> tokens = new HashMap<>();

    private GraphState(App app, int cursorEpoch) {
        this.app = app;
        this.cursorEpoch = cursorEpoch;
    }

    /** Indexes a data set; one that names a missing business, asset or person is refused. */
    static GraphState of(DataSet data, int cursorEpoch) {
        GraphState state = new GraphState(data.app(), cursorEpoch);
        try {
            data.businesses().forEach(state::addBusiness);
            data.assets().forEach(state::addAsset);
            data.businessUsers().forEach(state::addBusinessUser);
            data.systemUsers().forEach(state::addSystemUser);
            data.pendingUsers().forEach(state::addPendingUser);
            data.assignments().forEach(state::assign);
            data.tokens().forEach(state::addToken);
        } catch (NoSuchElementException missing) {
            throw new IllegalArgumentException("the data set names something it does not hold: " + missing.getMessage(),
                    missing);
        }
        return state;
    }

    // ---- reads ----

    @Override
    public App app() {
        return app;
    }

    @Override
    public int cursorEpoch() {
        return cursorEpoch;
    }

    @Override
    public Optional<Business> business(String id) {
        return Optional.ofNullable(businesses.get(id));
    }

    @Override
    public Optional<Asset> asset(String id) {
        return Optional.ofNullable(assets.get(id));
    }

    @Override
    public Optional<Token> token(String value) {
        return Optional.ofNullable(tokens.get(value));
    }

    @Override
    public Optional<Person> person(String id) {
        return Optional.ofNullable(people.get(id));
    }

    @Override
    public NavigableMap<Long, Business> businesses() {
        return businesses.byPosition();
    }

    @Override
    public NavigableMap<Long, Asset> assets() {
        return assets.byPosition();
    }

    @Override
    public NavigableMap<Long, BusinessUser> businessUsers(String businessId) {
        return listing(businessUsers.get(businessId));
    }

    @Override
    public NavigableMap<Long, SystemUser> systemUsers(String businessId) {
        return listing(systemUsers.get(businessId));
    }

    @Override
    public NavigableMap<Long, PendingUser> pendingUsers(String businessId) {
        return listing(pendingUsers.get(businessId));
    }

    @Override
    public NavigableMap<Long, Assignment> assignments(String assetId, String businessId) {
        return listing(assignments.getOrDefault(assetId, Map.of()).get(businessId));
    }

    @SuppressWarnings("unchecked")
    private static <T> NavigableMap<Long, T> listing(EntityTable<T> table) {
        return table == null ? (NavigableMap<Long, T>) EMPTY : table.byPosition();
    }

    // ---- changes ----

    void expireCursors() {
        cursorEpoch++;
    }

    /** Takes the place of {@code previous}: its cursors must not be accepted here. */
    void replace(GraphState previous) {
        cursorEpoch = previous.cursorEpoch + 1;
    }

    void setAppsecretProofRequired(boolean required) {
        app = app.withRequiresAppsecretProof(required);
    }

    void addBusiness(Business business) {
        businesses.add(business.id(), nextPosition(), business);
    }

    void addBusinessUser(BusinessUser user) {
        requireBusiness(user.businessId());
        requireNewPerson(user.id());
        tableOf(businessUsers, user.businessId(), "business user").add(user.id(), nextPosition(), user);
        people.put(user.id(), user);
    }

    void updateBusinessUser(String businessId, String userId, UnaryOperator<BusinessUser> change) {
        BusinessUser changed = change.apply(existingIn(businessUsers, businessId, userId, "business user"));
        requireSameIdentity(userId, businessId, changed.id(), changed.businessId());
        businessUsers.get(businessId).replace(userId, changed);
        people.put(userId, changed);
    }

    void removeBusinessUser(String businessId, String userId) {
        existingIn(businessUsers, businessId, userId, "business user");
        businessUsers.get(businessId).remove(userId);
        forgetPerson(businessId, userId);
    }

    void addSystemUser(SystemUser user) {
        requireBusiness(user.businessId());
        requireNewPerson(user.id());
        tableOf(systemUsers, user.businessId(), "system user").add(user.id(), nextPosition(), user);
        people.put(user.id(), user);
    }

    void updateSystemUser(String businessId, String userId, UnaryOperator<SystemUser> change) {
        SystemUser changed = change.apply(existingIn(systemUsers, businessId, userId, "system user"));
        requireSameIdentity(userId, businessId, changed.id(), changed.businessId());
        systemUsers.get(businessId).replace(userId, changed);
        people.put(userId, changed);
    }

    void removeSystemUser(String businessId, String userId) {
        existingIn(systemUsers, businessId, userId, "system user");
        systemUsers.get(businessId).remove(userId);
        forgetPerson(businessId, userId);
    }

    void addPendingUser(PendingUser invite) {
        requireBusiness(invite.businessId());
        tableOf(pendingUsers, invite.businessId(), "pending user").add(invite.id(), nextPosition(), invite);
    }

    void updatePendingUser(String businessId, String inviteId, UnaryOperator<PendingUser> change) {
        PendingUser changed = change.apply(existingIn(pendingUsers, businessId, inviteId, "pending user"));
        requireSameIdentity(inviteId, businessId, changed.id(), changed.businessId());
        pendingUsers.get(businessId).replace(inviteId, changed);
    }

    void removePendingUser(String businessId, String inviteId) {
        existingIn(pendingUsers, businessId, inviteId, "pending user");
        pendingUsers.get(businessId).remove(inviteId);
    }

    void addAsset(Asset asset) {
        requireBusiness(asset.ownerBusinessId());
        requireSharesValid(asset);
        assets.add(asset.id(), nextPosition(), asset);
    }

    /** Changes an asset; people of a business that lost access to it lose their assignments on it, as in Graph. */
    void updateAsset(String assetId, UnaryOperator<Asset> change) {
        Asset current = assets.existing(assetId);
        Asset changed = change.apply(current);
        if (!changed.id().equals(assetId) || changed.type() != current.type()
                || !changed.ownerBusinessId().equals(current.ownerBusinessId())) {
            throw new IllegalArgumentException("an asset's id, type and owner cannot change");
        }
        requireSharesValid(changed);
        assets.replace(assetId, changed);
        Map<String, EntityTable<Assignment>> onAsset = assignments.get(assetId);
        if (onAsset != null) {
            onAsset.keySet().removeIf(businessId -> !changed.isReachableBy(businessId));
        }
    }

    void shareAsset(String assetId, AssetShare share) {
        updateAsset(assetId, asset -> asset.withShare(share));
    }

    void unshareAsset(String assetId, String businessId) {
        if (assets.existing(assetId).shareWith(businessId).isEmpty()) {
            throw new NoSuchElementException("asset '" + assetId + "' is not shared with business '" + businessId + "'");
        }
        updateAsset(assetId, asset -> asset.withoutShare(businessId));
    }

    void removeAsset(String assetId) {
        assets.remove(assetId);
        assignments.remove(assetId);
    }

    /** Sets the tasks of a person on an asset, adding the assignment if there is none. */
    void assign(Assignment assignment) {
        Asset asset = assets.existing(assignment.assetId());
        Person person = existingPerson(assignment.userId());
        if (!asset.isReachableBy(person.businessId())) {
            throw new IllegalArgumentException("user '" + person.id() + "' belongs to business '"
                    + person.businessId() + "', which neither owns asset '" + asset.id() + "' nor has it shared");
        }
        if (!asset.permittedTasksFor(person.businessId()).containsAll(assignment.tasks())) {
            throw new IllegalArgumentException("tasks " + assignment.tasks() + " on asset '" + asset.id()
                    + "' go beyond the permitted " + asset.permittedTasksFor(person.businessId()));
        }
        EntityTable<Assignment> table = assignments
                .computeIfAbsent(asset.id(), id -> new HashMap<>())
                .computeIfAbsent(person.businessId(), id -> new EntityTable<>("assignment"));
        if (table.contains(person.id())) {
            table.replace(person.id(), assignment);
        } else {
            table.add(person.id(), nextPosition(), assignment);
        }
    }

    void unassign(String assetId, String userId) {
        assets.existing(assetId);
        Person person = existingPerson(userId);
        EntityTable<Assignment> table = assignments.getOrDefault(assetId, Map.of()).get(person.businessId());
        if (table == null || !table.contains(userId)) {
            throw new NoSuchElementException("user '" + userId + "' is not assigned to asset '" + assetId + "'");
        }
        table.remove(userId);
    }

    void addToken(Token token) {
        if (token.businessId() != null) {
            requireBusiness(token.businessId());
        }
        if (token.userId() != null) {
            existingPerson(token.userId());
        }
        if (tokens.putIfAbsent(token.value(), token) != null) {
            throw new IllegalArgumentException("duplicate token " + Token.fingerprint(token.value()));
        }
    }

    void revokeToken(String value) {
        Token token = tokens.get(value);
        if (token == null) {
            throw new NoSuchElementException("no token " + Token.fingerprint(value));
        }
        tokens.put(value, token.revoked());
    }

    // ---- helpers ----

    private long nextPosition() {
        return ++lastPosition;
    }

    private void requireBusiness(String businessId) {
        businesses.existing(businessId);
    }

    private void requireNewPerson(String id) {
        if (people.containsKey(id)) {
            throw new IllegalArgumentException("duplicate user id '" + id + "'");
        }
    }

    private Person existingPerson(String id) {
        Person person = people.get(id);
        if (person == null) {
            throw new NoSuchElementException("no business user or system user '" + id + "'");
        }
        return person;
    }

    private void requireSharesValid(Asset asset) {
        for (AssetShare share : asset.sharedWith()) {
            requireBusiness(share.businessId());
            if (share.businessId().equals(asset.ownerBusinessId())) {
                throw new IllegalArgumentException("asset '" + asset.id() + "' cannot be shared with its owner");
            }
        }
    }

    private static void requireSameIdentity(String id, String businessId, String newId, String newBusinessId) {
        if (!Objects.equals(id, newId) || !Objects.equals(businessId, newBusinessId)) {
            throw new IllegalArgumentException("a user's id and businessId cannot change");
        }
    }

    private <T> EntityTable<T> tableOf(Map<String, EntityTable<T>> tables, String businessId, String kind) {
        return tables.computeIfAbsent(businessId, id -> new EntityTable<>(kind));
    }

    private <T> T existingIn(Map<String, EntityTable<T>> tables, String businessId, String id, String kind) {
        requireBusiness(businessId);
        EntityTable<T> table = tables.get(businessId);
        T item = table == null ? null : table.get(id);
        if (item == null) {
            throw new NoSuchElementException("no " + kind + " '" + id + "' in business '" + businessId + "'");
        }
        return item;
    }

    /** A person who leaves a business loses every assignment; their tokens stop working (see GraphApi). */
    private void forgetPerson(String businessId, String userId) {
        people.remove(userId);
        for (Map<String, EntityTable<Assignment>> byBusiness : assignments.values()) {
            EntityTable<Assignment> table = byBusiness.get(businessId);
            if (table != null && table.contains(userId)) {
                table.remove(userId);
            }
        }
    }
}
