package io.partnersync.simulator.state;

import io.partnersync.simulator.data.App;
import io.partnersync.simulator.data.Asset;
import io.partnersync.simulator.data.Assignment;
import io.partnersync.simulator.data.Business;
import io.partnersync.simulator.data.BusinessUser;
import io.partnersync.simulator.data.PendingUser;
import io.partnersync.simulator.data.Person;
import io.partnersync.simulator.data.SystemUser;
import io.partnersync.simulator.data.Token;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * What the Graph endpoints may read. Only handed out inside {@link GraphStore#read}, so every read
 * sees one consistent state. Listings are keyed by position (see {@link EntityTable}), in insert order.
 */
public interface GraphData {

    App app();

    /** Cursors carry it; bumping it invalidates every cursor handed out before. */
    int cursorEpoch();

    Optional<Business> business(String id);

    Optional<Asset> asset(String id);

    Optional<Token> token(String value);

    Optional<Person> person(String id);

    NavigableMap<Long, Business> businesses();

    NavigableMap<Long, Asset> assets();

    NavigableMap<Long, BusinessUser> businessUsers(String businessId);

    NavigableMap<Long, SystemUser> systemUsers(String businessId);

    NavigableMap<Long, PendingUser> pendingUsers(String businessId);

    /** The assignments on one asset of the people of one business. */
    NavigableMap<Long, Assignment> assignments(String assetId, String businessId);
}
