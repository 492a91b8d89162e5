package io.partnersync.simulator.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnersync.simulator.data.Asset;
import io.partnersync.simulator.data.Business;
import io.partnersync.simulator.data.Token;
import io.partnersync.simulator.graph.UsageMeter.Usage;
import io.partnersync.simulator.state.GraphData;
import io.partnersync.simulator.state.GraphStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Graph side of the simulator. Every call goes through the same steps: count it, maybe fail on
 * purpose, authenticate the token, charge the business's call budget, then route to an endpoint.
 * Usage headers go on every answer to a business token, errors included.
 */
public final class GraphApi {

    private static final System.Logger LOG = System.getLogger(GraphApi.class.getName());

    private final GraphStore store;
    private final FaultInjector faults;
    private final UsageMeter usageMeter;
    private final RequestCounter counter;
    private final int pageMaxLimit;
    private final BatchEndpoint batch;

    public GraphApi(GraphStore store, FaultInjector faults, UsageMeter usageMeter, RequestCounter counter,
            int pageMaxLimit) {
        this.store = store;
        this.faults = faults;
        this.usageMeter = usageMeter;
        this.counter = counter;
        this.pageMaxLimit = pageMaxLimit;
        this.batch = new BatchEndpoint(this, store, usageMeter, counter);
    }

    public GraphResponse handle(GraphRequest request) {
        if (request.method().equals("POST") && request.segments().isEmpty()) {
            return batch.handle(request);
        }
        return call(request);
    }

    /** One Graph call; each batch item is one too. */
    GraphResponse call(GraphRequest request) {
        GraphResponse response = store.read(data -> answer(data, request));
        LOG.log(System.Logger.Level.DEBUG, () -> request.method() + " " + request.path() + " token "
                + Token.fingerprint(request.accessToken()) + " -> " + response.status());
        return response;
    }

    private GraphResponse answer(GraphData data, GraphRequest request) {
        counter.count(endpointPattern(data, request), request.accessToken());
        Faults currentFaults = faults.current();
        Usage usage = null;
        try {
            if (faults.nextCallFails()) {
                throw GraphError.unexpected();
            }
            if (request.method().equals("GET") && request.segments().equals(List.of("debug_token"))) {
                return GraphResponse.ok(TokenEndpoints.debugToken(data, request, currentFaults), Map.of());
            }
            Token token = Authentication.authenticate(data, request, currentFaults);
            if (token.businessId() != null) {
                usage = usageMeter.record(token.businessId(), currentFaults.throttleAll());
                if (usage.throttled()) {
                    throw GraphError.throttled(usageMeter.budget().throttleCode());
                }
            }
            Paging paging = new Paging(data.cursorEpoch(), pageMaxLimit, currentFaults.reduceDataAboveLimit(),
                    currentFaults.emptyPageQuirk());
            return GraphResponse.ok(route(new Call(data, token, request, paging)), usageHeaders(usage));
        } catch (GraphError error) {
            return GraphResponse.error(error, usageHeaders(usage));
        }
    }

    private static ObjectNode route(Call call) {
        GraphRequest request = call.request();
        List<String> segments = request.segments();
        if (!request.method().equals("GET") || segments.isEmpty()) {
            throw GraphError.objectNotFound(request.method(), segments.isEmpty() ? "" : segments.get(0));
        }
        if (segments.size() > 2) {
            throw GraphError.unknownPath(request.path());
        }
        String id = segments.get(0);
        Optional<String> edge = segments.size() == 2 ? Optional.of(segments.get(1)) : Optional.empty();
        if (id.equals("me")) {
            return edge.isEmpty() ? TokenEndpoints.me(call) : TokenEndpoints.meEdge(call, edge.get());
        }
        Optional<Business> business = call.data().business(id);
        if (business.isPresent()) {
            return edge.isEmpty()
                    ? BusinessEndpoints.node(call, business.get())
                    : BusinessEndpoints.edge(call, business.get(), edge.get());
        }
        Optional<Asset> asset = call.data().asset(id);
        if (asset.isPresent()) {
            return edge.isEmpty()
                    ? AssetEndpoints.node(call, asset.get())
                    : AssetEndpoints.edge(call, asset.get(), edge.get());
        }
        throw GraphError.objectNotFound(request.method(), id);
    }

    /** The call's path with ids replaced by what they name: {@code GET /{business}/business_users}. */
    private static String endpointPattern(GraphData data, GraphRequest request) {
        List<String> segments = request.segments();
        if (segments.isEmpty()) {
            return request.method() + " /";
        }
        StringBuilder pattern = new StringBuilder(request.method()).append(' ');
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            pattern.append('/').append(i == 0 ? kindOf(data, segment) : segment);
        }
        return pattern.toString();
    }

    private static String kindOf(GraphData data, String id) {
        if (id.equals("me") || id.equals("debug_token")) {
            return id;
        }
        if (data.business(id).isPresent()) {
            return "{business}";
        }
        return data.asset(id).isPresent() ? "{asset}" : "{id}";
    }

    private static Map<String, String> usageHeaders(Usage usage) {
        return usage == null ? Map.of() : usage.headers();
    }
}
