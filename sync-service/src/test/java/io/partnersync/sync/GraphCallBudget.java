package io.partnersync.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.partnersync.simulator.data.Asset;
import io.partnersync.simulator.data.AssetShare;
import io.partnersync.simulator.data.DataSet;
import io.partnersync.simulator.data.Person;

/**
 * The fewest Graph calls and HTTP requests reading one partner's people can take, worked out from
 * the data: pages at the largest limit, the three people edges' first pages in one expanded call,
 * their further pages batched together round by round, and the per-asset {@code assigned_users}
 * pages batched 50 per request round by round. Also what a plain client would spend: one request
 * per page at Graph's default limit of 25, no expansion, no batch.
 */
record GraphCallBudget(long calls, long requests, long naiveCalls) {

    static final int BATCH = 50;
    static final int GRAPH_DEFAULT_LIMIT = 25;

    static GraphCallBudget ofPartner(DataSet data, String customerId, String partnerId, int limit) {
        List<Long> people = List.of(
                data.businessUsers().stream().filter(u -> u.businessId().equals(partnerId)).count(),
                data.systemUsers().stream().filter(u -> u.businessId().equals(partnerId)).count(),
                data.pendingUsers().stream().filter(u -> u.businessId().equals(partnerId)).count());
        Set<String> partnerPeople = data.businessUsers().stream().filter(u -> u.businessId().equals(partnerId))
                .map(Person::id).collect(Collectors.toSet());
        data.systemUsers().stream().filter(u -> u.businessId().equals(partnerId)).forEach(u -> partnerPeople.add(u.id()));
        List<Long> assetPages = new ArrayList<>();
        List<Long> naiveAssetPages = new ArrayList<>();
        for (Asset asset : data.assets()) {
            if (shared(asset, customerId, partnerId) || shared(asset, partnerId, customerId)) {
                long assignees = data.assignments().stream()
                        .filter(a -> a.assetId().equals(asset.id()) && partnerPeople.contains(a.userId())).count();
                assetPages.add(pages(assignees, limit));
                naiveAssetPages.add(pages(assignees, GRAPH_DEFAULT_LIMIT));
            }
        }
        long extraPeoplePages = people.stream().mapToLong(n -> pages(n, limit) - 1).sum();
        long peopleRounds = people.stream().mapToLong(n -> pages(n, limit) - 1).max().orElse(0);
        long calls = 1 + extraPeoplePages + assetPages.stream().mapToLong(Long::longValue).sum();
        long requests = 1 + peopleRounds + rounds(assetPages);
        long naive = people.stream().mapToLong(n -> pages(n, GRAPH_DEFAULT_LIMIT)).sum()
                + naiveAssetPages.stream().mapToLong(Long::longValue).sum();
        return new GraphCallBudget(calls, requests, naive);
    }

    /** Requests for listings of these page counts walked together in batched rounds. */
    private static long rounds(List<Long> pagesPerListing) {
        long requests = 0;
        long deepest = pagesPerListing.stream().mapToLong(Long::longValue).max().orElse(0);
        for (long round = 1; round <= deepest; round++) {
            long page = round;
            long listings = pagesPerListing.stream().filter(p -> p >= page).count();
            requests += (listings + BATCH - 1) / BATCH;
        }
        return requests;
    }

    /** A listing is at least one page, even an empty one. */
    private static long pages(long items, int limit) {
        return Math.max(1, (items + limit - 1) / limit);
    }

    private static boolean shared(Asset asset, String owner, String holder) {
        return asset.ownerBusinessId().equals(owner)
                && asset.shareWith(holder).map(AssetShare::grantsAccess).orElse(false);
    }

    static String report(String what, long calls, long requests, GraphCallBudget minimum) {
        return String.format("%-44s calls %6d (minimum %6d, plain client %6d) | HTTP requests %5d (minimum %5d)",
                what, calls, minimum.calls(), minimum.naiveCalls(), requests, minimum.requests());
    }
}
