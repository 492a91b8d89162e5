package io.partnersync.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.facebook.ads.sdk.APIContext;
import com.facebook.ads.sdk.APIException;
import com.facebook.ads.sdk.APINode;
import com.facebook.ads.sdk.APINodeList;
import com.facebook.ads.sdk.APIRequest;
import com.facebook.ads.sdk.AdAccount;
import com.facebook.ads.sdk.AdsPixel;
import com.facebook.ads.sdk.Business;
import com.facebook.ads.sdk.Page;
import com.facebook.ads.sdk.ProductCatalog;

import io.partnersync.simulator.data.Asset;

/**
 * The same read as our sync, written the way an integrator would with Meta's official Java
 * SDK: each people edge and each shared asset's {@code assigned_users} walked with the SDK's
 * auto-paging iterator at its default page size, one call per page, no batching, no field
 * expansion. Pointed at the graph simulator.
 */
final class SdkBaseline {

    /** What was read: rows of each kind (a person appears once per edge, an assignment once per asset). */
    record Read(long businessUsers, long systemUsers, long pendingUsers, long assignments, long nanos) {

        long people() {
            return businessUsers + systemUsers + pendingUsers;
        }
    }

    private static final List<String> USER_FIELDS = List.of("id", "name", "email", "role", "two_fac_status", "title");
    private static final List<String> ASSIGNED_FIELDS = List.of("id", "name", "tasks");

    private final APIContext context;

    SdkBaseline(String graphBaseUrl, String graphVersion, String token, String appSecret, String appId) {
        APIContext.disableCrashReport();
        APIRequest.changeRequestExecutor(new PlainHttpGets());
        this.context = new APIContext(graphBaseUrl, graphBaseUrl, graphVersion, token, appSecret, appId, false);
    }

    Read readPartner(String businessId, List<Asset> sharedAssets) throws APIException {
        long start = System.nanoTime();
        Business business = new Business(businessId, context);
        long businessUsers = count(business.getBusinessUsers().requestFields(USER_FIELDS).execute());
        long systemUsers = count(business.getSystemUsers().requestFields(List.of("id", "name", "role")).execute());
        long pendingUsers = count(business.getPendingUsers().requestFields(List.of("id", "email", "role")).execute());
        long assignments = 0;
        for (Asset asset : sharedAssets) {
            assignments += count(assignedUsers(asset, businessId));
        }
        return new Read(businessUsers, systemUsers, pendingUsers, assignments, System.nanoTime() - start);
    }

    private APINodeList<? extends APINode> assignedUsers(Asset asset, String businessId) throws APIException {
        return switch (asset.type()) {
            case AD_ACCOUNT -> new AdAccount(asset.id(), context).getAssignedUsers().setBusiness(businessId)
                    .requestFields(ASSIGNED_FIELDS).execute();
            case PAGE -> new Page(asset.id(), context).getAssignedUsers().setBusiness(businessId)
                    .requestFields(ASSIGNED_FIELDS).execute();
            case CATALOG -> new ProductCatalog(asset.id(), context).getAssignedUsers().setBusiness(businessId)
                    .requestFields(ASSIGNED_FIELDS).execute();
            case PIXEL -> new AdsPixel(asset.id(), context).getAssignedUsers().setBusiness(businessId)
                    .requestFields(ASSIGNED_FIELDS).execute();
        };
    }

    /**
     * The SDK's own executor casts every connection to HttpsURLConnection; the simulator speaks
     * plain HTTP on loopback. This one sends the SDK's GETs (URL built by the SDK itself) over
     * HTTP and answers the way the SDK's executor does.
     */
    private static final class PlainHttpGets implements APIRequest.IRequestExecutor {

        private final HttpClient http = HttpClient.newHttpClient();

        @Override
        public APIRequest.ResponseWrapper execute(String method, String apiUrl, Map<String, Object> params,
                APIContext context) throws APIException, IOException {
            if (!method.equals("GET")) {
                throw new UnsupportedOperationException("the baseline only reads: " + method);
            }
            return sendGet(apiUrl, params, context);
        }

        @Override
        public APIRequest.ResponseWrapper sendGet(String apiUrl, Map<String, Object> params, APIContext context)
                throws APIException, IOException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(APIRequest.RequestHelper.constructUrlString(apiUrl, params)))
                    .header("User-Agent", APIRequest.USER_AGENT).GET().build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            if (response.statusCode() >= 400) {
                throw new APIException.FailedRequestException(response.body());
            }
            return new APIRequest.ResponseWrapper(response.body(), response.headers().map().toString());
        }

        @Override
        public APIRequest.ResponseWrapper sendPost(String apiUrl, Map<String, Object> params, APIContext context) {
            throw new UnsupportedOperationException("the baseline only reads");
        }

        @Override
        public APIRequest.ResponseWrapper sendDelete(String apiUrl, Map<String, Object> params, APIContext context) {
            throw new UnsupportedOperationException("the baseline only reads");
        }
    }

    /** Walks every page with the SDK's auto-paging iterator. */
    private static long count(APINodeList<? extends APINode> firstPage) {
        long rows = 0;
        for (APINode ignored : firstPage.withAutoPaginationIterator(true)) {
            rows++;
        }
        return rows;
    }
}
