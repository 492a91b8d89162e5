package io.partnersync.simulator.data;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic data sets of any size for tests and benchmarks: one customer business that shares
 * its own assets with each partner agency, and per partner its people, invites, assignments and a
 * good system user token. Ids and tokens depend only on the counts (see the static accessors);
 * names, roles, 2FA, titles and tasks are drawn from {@code seed}. The same arguments always give
 * the same data set. Strings that repeat (first and last names, roles, titles, task lists, times)
 * are shared, so 100,000 people stay small in memory.
 */
public final class DataSetGenerator {

    public static final String APP_ID = "2965389650414399";
    public static final String APP_SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    public static final List<String> ALL_SCOPES = List.of("ads_management", "business_management",
            "catalog_management", "pages_manage_metadata", "pages_read_engagement", "pages_show_list");

    private static final long BUSINESS_IDS = 1_900_000_000_000_000L;
    private static final long AD_ACCOUNT_IDS = 2_900_000_000_000_000L;
    private static final long OTHER_ASSET_IDS = 3_900_000_000_000_000L;
    private static final long PEOPLE_IDS = 10_000_000_000_000_000L;
    private static final AssetType[] ASSET_ROTATION =
            {AssetType.AD_ACCOUNT, AssetType.PAGE, AssetType.CATALOG, AssetType.PIXEL};
    private static final String CREATED = "2025-06-02T09:30:00+0000";
    private static final String INVITE_EXPIRES = "2025-07-02T09:30:00+0000";
    private static final long ISSUED_AT = 1_748_856_600L;

    private static final String[] FIRST_NAMES = {"Ada", "Ben", "Chloe", "Diego", "Elif", "Femi", "Grace", "Hiro",
        "Ines", "Jonas", "Kira", "Liam", "Maya", "Noah", "Olga", "Pavel", "Quinn", "Rosa", "Sami", "Tara", "Umar",
        "Vera", "Wen", "Xavi", "Yara", "Zane", "Amara", "Bruno", "Carla", "Dev", "Emma", "Farah", "Gus", "Hana",
        "Ivan", "Jade", "Kofi", "Lena", "Marco", "Nia"};
    private static final String[] LAST_NAMES = {"Adams", "Baptiste", "Chen", "Dubois", "Eriksen", "Fischer",
        "Garcia", "Haddad", "Ito", "Jansen", "Kowalski", "Lopez", "Moreau", "Nakamura", "Okafor", "Petrov", "Quispe",
        "Rossi", "Schmidt", "Tanaka", "Uzun", "Varga", "Weber", "Xu", "Yilmaz", "Zimmer", "Alvarez", "Berg", "Costa",
        "Duarte", "Engel", "Ferreira", "Gomez", "Horvat", "Iqbal", "Jovanovic", "Kim", "Lindqvist", "Mensah", "Novak"};
    private static final String[] TITLES = {"Media Buyer", "Account Manager", "Creative Lead", "Analyst",
        "Strategist", "Developer", "Campaign Manager", "Social Media Manager"};

    private DataSetGenerator() {
    }

    public static String customerBusinessId() {
        return String.valueOf(BUSINESS_IDS);
    }

    /** {@code partner} counts from 1. */
    public static String partnerBusinessId(int partner) {
        return String.valueOf(BUSINESS_IDS + partner);
    }

    /** The customer's integration token: a system user token with every scope. */
    public static String customerToken() {
        return "EAAGenCustomerIntegrationZD0000";
    }

    /** Partner {@code partner}'s good system user token, every scope; its last 4 characters are the partner number. */
    public static String partnerToken(int partner) {
        return "EAAGenPartner" + partner + "IntegrationZD" + String.format("%04d", partner % 10_000);
    }

    public static DataSet generate(long seed, int partners, int usersPerPartner, int assetsPerPartner,
            int assignmentsPerUser) {
        if (partners < 0 || usersPerPartner < 0 || assetsPerPartner < 0 || assignmentsPerUser < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
        return new Builder(new Random(seed)).build(partners, usersPerPartner, assetsPerPartner, assignmentsPerUser);
    }

    private static final class Builder {
        private final Random random;
        private final List<Business> businesses = new ArrayList<>();
        private final List<Asset> assets = new ArrayList<>();
        private final List<BusinessUser> businessUsers = new ArrayList<>();
        private final List<SystemUser> systemUsers = new ArrayList<>();
        private final List<PendingUser> pendingUsers = new ArrayList<>();
        private final List<Assignment> assignments = new ArrayList<>();
        private final List<Token> tokens = new ArrayList<>();
        private long lastPersonId = PEOPLE_IDS;
        private long lastAssetNumber;

        Builder(Random random) {
            this.random = random;
        }

        DataSet build(int partners, int usersPerPartner, int assetsPerPartner, int assignmentsPerUser) {
            String customerId = customerBusinessId();
            businesses.add(new Business(customerId, "Generated Customer", "verified", CREATED));
            String customerAdminId = nextPersonId();
            businessUsers.add(BusinessUser.of(customerAdminId, customerId, "Casey Customer",
                    "casey.customer@customer.example", "ADMIN", true));
            SystemUser customerIntegration = new SystemUser(nextPersonId(), customerId, "partnersync integration",
                    "ADMIN", customerAdminId, CREATED, null);
            systemUsers.add(customerIntegration);
            tokens.add(systemUserToken(customerToken(), customerId, customerIntegration.id()));
            for (int partner = 1; partner <= partners; partner++) {
                addPartner(partner, usersPerPartner, assetsPerPartner, assignmentsPerUser);
            }
            return new DataSet(new App(APP_ID, "partnersync", APP_SECRET, false), businesses, assets, businessUsers,
                    systemUsers, pendingUsers, assignments, tokens);
        }

        private void addPartner(int partner, int usersPerPartner, int assetsPerPartner, int assignmentsPerUser) {
            String partnerId = partnerBusinessId(partner);
            String domain = "partner" + partner + ".example";
            businesses.add(new Business(partnerId, "Partner Agency " + partner, "verified", CREATED));

            List<Asset> shared = new ArrayList<>();
            for (int i = 0; i < assetsPerPartner; i++) {
                AssetType type = ASSET_ROTATION[i % ASSET_ROTATION.length];
                Asset asset = new Asset(nextAssetId(type), type, type.graphNodeType() + " " + lastAssetNumber,
                        customerBusinessId(), List.of(AssetShare.confirmed(partnerId, TaskPool.shared(type))));
                shared.add(asset);
            }
            assets.addAll(shared);

            SystemUser integration = new SystemUser(nextPersonId(), partnerId, "partnersync integration", "ADMIN",
                    null, CREATED, null);
            systemUsers.add(integration);
            systemUsers.add(new SystemUser(nextPersonId(), partnerId, "Reporting system user", "EMPLOYEE",
                    null, CREATED, null));
            tokens.add(systemUserToken(partnerToken(partner), partnerId, integration.id()));
            for (Asset asset : shared) {
                assignments.add(new Assignment(asset.id(), integration.id(), TaskPool.shared(asset.type())));
            }

            int perUser = Math.min(assignmentsPerUser, shared.size());
            for (int i = 0; i < usersPerPartner; i++) {
                BusinessUser user = person(partnerId, domain);
                businessUsers.add(user);
                int first = shared.isEmpty() ? 0 : random.nextInt(shared.size());
                for (int k = 0; k < perUser; k++) {
                    Asset asset = shared.get((first + k) % shared.size());
                    assignments.add(new Assignment(asset.id(), user.id(), TaskPool.pick(asset.type(), random)));
                }
            }
            for (int i = 0, invites = Math.max(1, usersPerPartner / 100); i < invites; i++) {
                String id = nextPersonId();
                pendingUsers.add(new PendingUser(id, partnerId, "invitee." + id + "@" + domain, "EMPLOYEE", List.of(),
                        integration.id(), CREATED, INVITE_EXPIRES, i % 2 == 0 ? "FB" : "MWA"));
            }
        }

        private BusinessUser person(String businessId, String domain) {
            String id = nextPersonId();
            String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
            String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
            String role = random.nextInt(10) == 0 ? "ADMIN" : "EMPLOYEE";
            boolean twoFactor = random.nextInt(4) != 0;
            String title = TITLES[random.nextInt(TITLES.length)];
            String email = first.toLowerCase() + "." + last.toLowerCase() + "." + id.substring(id.length() - 6) + "@"
                    + domain;
            return new BusinessUser(id, businessId, first + " " + last, email, first, last, role, title, twoFactor,
                    null, List.of(), null, false);
        }

        private Token systemUserToken(String value, String businessId, String systemUserId) {
            return new Token(value, Token.SYSTEM_USER, APP_ID, businessId, systemUserId, ALL_SCOPES, 0, ISSUED_AT,
                    true);
        }

        private String nextPersonId() {
            return String.valueOf(++lastPersonId);
        }

        private String nextAssetId(AssetType type) {
            lastAssetNumber++;
            return type == AssetType.AD_ACCOUNT
                    ? "act_" + (AD_ACCOUNT_IDS + lastAssetNumber)
                    : String.valueOf(OTHER_ASSET_IDS + lastAssetNumber);
        }
    }

    /**
     * The tasks a partner gets on each kind of asset, and the task lists its people hold: the shared
     * list's tails, each one instance, so 200,000 assignments share a handful of lists.
     */
    private static final class TaskPool {
        private static final List<String> AD_ACCOUNT = List.of("MANAGE", "ADVERTISE", "ANALYZE");
        private static final List<String> PAGE = List.of("CREATE_CONTENT", "MODERATE", "ADVERTISE", "ANALYZE");
        private static final List<String> CATALOG = List.of("MANAGE", "ADVERTISE");
        private static final List<String> PIXEL = List.of("ADVERTISE", "ANALYZE");
        private static final Map<AssetType, List<List<String>>> TAILS = new EnumMap<>(AssetType.class);

        static List<String> shared(AssetType type) {
            return switch (type) {
                case AD_ACCOUNT -> AD_ACCOUNT;
                case PAGE -> PAGE;
                case CATALOG -> CATALOG;
                case PIXEL -> PIXEL;
            };
        }

        static {
            for (AssetType type : AssetType.values()) {
                List<String> all = shared(type);
                List<List<String>> tails = new ArrayList<>();
                for (int from = 0; from < all.size(); from++) {
                    tails.add(List.copyOf(all.subList(from, all.size())));
                }
                TAILS.put(type, List.copyOf(tails));
            }
        }

        static List<String> pick(AssetType type, Random random) {
            List<List<String>> tails = TAILS.get(type);
            return tails.get(random.nextInt(tails.size()));
        }
    }
}
