package io.partnersync.simulator.data;

/**
 * Ids and tokens of the shipped demo data set ({@link DataSet#demo()}), for tests that use it.
 * The module README's tables say what each one is for.
 */
public final class DemoData {

    public static final String APP_ID = "2965389650414399";
    public static final String APP_SECRET = "7c4a8d09ca3762af61e59520943dc264";
    /** What {@code debug_token} takes as access_token. */
    public static final String APP_TOKEN = APP_ID + "|" + APP_SECRET;

    /** The customer. */
    public static final String ACME_RETAIL = "1043852719384756";
    /** Partner 1: a good token, every kind of person. */
    public static final String BRIGHTLINE_MEDIA = "2187465309128374";
    /** Partner 2: its token lacks catalog_management. */
    public static final String NORTHWIND_PERFORMANCE = "3298576410239485";
    /** Partner 3: the token it hands over belongs to Harbor Digital. */
    public static final String COBALT_CREATIVE = "4309687521340596";
    /** Not shared with Acme Retail at all; owns the token Cobalt hands over. */
    public static final String HARBOR_DIGITAL = "5410798632451607";

    public static final String ACME_BRAND_AD_ACCOUNT = "act_120211111111111";
    public static final String ACME_PERFORMANCE_AD_ACCOUNT = "act_120222222222222";
    public static final String ACME_INTERNAL_AD_ACCOUNT = "act_120233333333333";
    public static final String ACME_PAGE = "109876543210001";
    public static final String ACME_CATALOG = "874512369874512";
    public static final String ACME_PIXEL = "665544332211009";
    public static final String HARBOR_AD_ACCOUNT = "act_130244444444444";

    public static final String ACME_ADMIN = "10160000000000001";
    public static final String ACME_INTEGRATION_SYSTEM_USER = "61560000000000001";
    /** Brightline admin with 2FA on. */
    public static final String DANA_WHITFIELD = "10150000000000001";
    /** Brightline admin with 2FA off. */
    public static final String MARCUS_OYELARAN = "10150000000000002";
    public static final String PRIYA_RAMAN = "10150000000000003";
    /** Brightline employee with an email change pending. */
    public static final String TOM_BECKER = "10150000000000004";
    public static final String BRIGHTLINE_INTEGRATION_SYSTEM_USER = "61550000000000001";
    public static final String BRIGHTLINE_REPORTING_SYSTEM_USER = "61550000000000002";
    public static final String BRIGHTLINE_INVITE_LENA = "20150000000000001";
    public static final String BRIGHTLINE_INVITE_SAM = "20150000000000002";
    public static final String NORTHWIND_INTEGRATION_SYSTEM_USER = "61570000000000001";
    public static final String COBALT_INTEGRATION_SYSTEM_USER = "61580000000000001";
    public static final String HARBOR_INTEGRATION_SYSTEM_USER = "61590000000000001";

    public static final String ACME_TOKEN = "EAADemoAcmeRetailIntegrationTokenZDa1c3";
    public static final String BRIGHTLINE_TOKEN = "EAADemoBrightlinePartnerTokenZDb2d4";
    public static final String BRIGHTLINE_ROTATED_TOKEN = "EAADemoBrightlineRotatedTokenZDc3e5";
    public static final String NORTHWIND_TOKEN_WITHOUT_CATALOG = "EAADemoNorthwindMissingCatalogZDd4f6";
    public static final String COBALT_TOKEN_OF_HARBOR = "EAADemoCobaltGotHarborTokenZDe5g7";
    public static final String REVOKED_TOKEN = "EAADemoBrightlineRevokedTokenZDf6h8";
    public static final String EXPIRING_TOKEN = "EAADemoBrightlineExpiringTokenZDg7i9";
    public static final String EXPIRED_TOKEN = "EAADemoBrightlineExpiredTokenZDh8j0";
    public static final String OTHER_APP_TOKEN = "EAADemoOtherAppTokenZDi9k1";
    public static final String OTHER_APP_ID = "1180355992460577";
    public static final String USER_TOKEN = "EAADemoBrightlineUserTokenZDj0l2";

    private DemoData() {
    }
}
