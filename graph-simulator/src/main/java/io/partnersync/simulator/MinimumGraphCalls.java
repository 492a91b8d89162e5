package io.partnersync.simulator;

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
 * pages batched 50 per request round by round. Also what a plain client spends: one request per
 * page at Graph's default limit of 25, no expansion, no batch (what Meta's own SDK does with its
 * auto-paging iterators). Tests and benchmarks hold a sync's traffic against these figures.
 */
public record MinimumGraphCalls(long calls, long requests, long plainClientCalls) {

    public static final int BATCH = 50;
    public static final int GRAPH_DEFAULT_LIMIT = 25;

    public static MinimumGraphCalls ofPartner(DataSet data, String customerId, String partnerId, int limit) {
        List<Long> people = List.of(
                data.businessUsers().stream().filter(u -> u.businessId().equals(partnerId)).count(),
                data.systemUsers().stream().filter(u -> u.businessId().equals(partnerId)).count(),
                data.pendingUsers().stream().filter(u -> u.businessId().equals(partnerId)).count());
        Set<String> partnerPeople = data.businessUsers().stream().filter(u -> u.businessId().equals(partnerId))
                .map(Person::id).collect(Collectors.toSet());
        data.systemUsers().stream().filter(u -> u.businessId().equals(partnerId)).forEach(u -> partnerPeople.add(u.id()));
        List<Long> assetPages = new ArrayList<>();
        List<Long> plainAssetPages = new ArrayList<>();
        for (Asset asset : sharedAssets(data, customerId, partnerId)) {
            long assignees = data.assignments().stream()
                    .filter(a -> a.assetId().equals(asset.id()) && partnerPeople.contains(a.userId())).count();
            assetPages.add(pages(assignees, limit));
            plainAssetPages.add(pages(assignees, GRAPH_DEFAULT_LIMIT));
        }
        long extraPeoplePages = people.stream().mapToLong(n -> pages(n, limit) - 1).sum();
        long peopleRounds = people.stream().mapToLong(n -> pages(n, limit) - 1).max().orElse(0);
        long calls = 1 + extraPeoplePages + assetPages.stream().mapToLong(Long::longValue).sum();
        long requests = 1 + peopleRounds + rounds(assetPages);
        long plain = people.stream().mapToLong(n -> pages(n, GRAPH_DEFAULT_LIMIT)).sum()
                + plainAssetPages.stream().mapToLong(Long::longValue).sum();
        return new MinimumGraphCalls(calls, requests, plain);
    }

    /** The assets one business shares with the other, either way round: a partner sync reads each one's assignees. */
    public static List<Asset> sharedAssets(DataSet data, String customerId, String partnerId) {
        return data.assets().stream()
                .filter(asset -> shared(asset, customerId, partnerId) || shared(asset, partnerId, customerId))
                .toList();
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
}
