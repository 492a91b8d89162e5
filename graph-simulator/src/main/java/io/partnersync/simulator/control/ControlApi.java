package io.partnersync.simulator.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnersync.simulator.data.Asset;
import io.partnersync.simulator.data.AssetShare;
import io.partnersync.simulator.data.Business;
import io.partnersync.simulator.data.BusinessUser;
import io.partnersync.simulator.data.DataSet;
import io.partnersync.simulator.data.Json;
import io.partnersync.simulator.data.PendingUser;
import io.partnersync.simulator.data.SystemUser;
import io.partnersync.simulator.data.Token;
import io.partnersync.simulator.graph.CallBudget;
import io.partnersync.simulator.graph.Faults;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The control API: JSON over HTTP under {@code /_sim}, one route per {@link SimulatorControl}
 * operation. The route table below is the API; the module README shows each with curl.
 */
public final class ControlApi {

    /** The answer to a control request; {@code json} is null for 204. */
    public record Answer(int status, String json) {
    }

    private interface Action {
        Answer run(List<String> pathVariables, String body) throws IOException;
    }

    /** {@code pattern} is a path below /_sim where {@code {}} matches one segment. */
    private record Route(String method, List<String> pattern, Action action) {

        Optional<List<String>> match(String requestMethod, List<String> segments) {
            if (!method.equals(requestMethod) || pattern.size() != segments.size()) {
                return Optional.empty();
            }
            List<String> variables = new ArrayList<>();
            for (int i = 0; i < pattern.size(); i++) {
                if (pattern.get(i).equals("{}")) {
                    variables.add(segments.get(i));
                } else if (!pattern.get(i).equals(segments.get(i))) {
                    return Optional.empty();
                }
            }
            return Optional.of(variables);
        }
    }

    private static final String PREFIX = "/_sim";
    private final List<Route> routes = new ArrayList<>();

    public ControlApi(SimulatorControl control) {
        on("GET /health", (ids, body) -> json(200, Map.of("status", "UP")));
        on("POST /data", (ids, body) -> {
            control.loadData(DataSet.load(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
            return noContent();
        });
        on("POST /reset", (ids, body) -> run(control::reset));
        on("POST /cursors/expire", (ids, body) -> run(control::expireCursors));
        on("PATCH /app", (ids, body) -> {
            JsonNode required = object(body).get("requiresAppsecretProof");
            if (required == null || !required.isBoolean()) {
                throw new IllegalArgumentException("expected {\"requiresAppsecretProof\": true|false}");
            }
            return run(() -> control.setAppsecretProofRequired(required.booleanValue()));
        });
        on("POST /budget", (ids, body) -> {
            control.setCallBudget(merge(control.callBudget(), body, CallBudget.class));
            return json(200, control.callBudget());
        });
        on("POST /faults", (ids, body) -> run(() -> control.setFaults(merge(control.faults(), body, Faults.class))));
        on("DELETE /faults", (ids, body) -> run(control::clearFaults));
        on("GET /requests", (ids, body) -> json(200, control.requestCounts()));
        on("DELETE /requests", (ids, body) -> run(control::resetRequestCounts));

        on("POST /businesses", (ids, body) -> created(control::addBusiness, read(object(body), Business.class)));
        on("POST /businesses/{}/business_users", (ids, body) ->
                created(control::addBusinessUser, read(inBusiness(body, ids.get(0)), BusinessUser.class)));
        on("PATCH /businesses/{}/business_users/{}", (ids, body) -> run(() ->
                control.updateBusinessUser(ids.get(0), ids.get(1), user -> merge(user, body, BusinessUser.class))));
        on("DELETE /businesses/{}/business_users/{}", (ids, body) ->
                run(() -> control.removeBusinessUser(ids.get(0), ids.get(1))));
        on("POST /businesses/{}/system_users", (ids, body) ->
                created(control::addSystemUser, read(inBusiness(body, ids.get(0)), SystemUser.class)));
        on("PATCH /businesses/{}/system_users/{}", (ids, body) -> run(() ->
                control.updateSystemUser(ids.get(0), ids.get(1), user -> merge(user, body, SystemUser.class))));
        on("DELETE /businesses/{}/system_users/{}", (ids, body) ->
                run(() -> control.removeSystemUser(ids.get(0), ids.get(1))));
        on("POST /businesses/{}/pending_users", (ids, body) ->
                created(control::addPendingUser, read(inBusiness(body, ids.get(0)), PendingUser.class)));
        on("PATCH /businesses/{}/pending_users/{}", (ids, body) -> run(() ->
                control.updatePendingUser(ids.get(0), ids.get(1), invite -> merge(invite, body, PendingUser.class))));
        on("DELETE /businesses/{}/pending_users/{}", (ids, body) ->
                run(() -> control.removePendingUser(ids.get(0), ids.get(1))));

        on("POST /assets", (ids, body) -> created(control::addAsset, read(object(body), Asset.class)));
        on("PATCH /assets/{}", (ids, body) ->
                run(() -> control.updateAsset(ids.get(0), asset -> merge(asset, body, Asset.class))));
        on("DELETE /assets/{}", (ids, body) -> run(() -> control.removeAsset(ids.get(0))));
        on("PUT /assets/{}/shares/{}", (ids, body) -> {
            AssetShare share = read(object(body).put("businessId", ids.get(1)), AssetShare.class);
            return run(() -> control.shareAsset(ids.get(0), share));
        });
        on("DELETE /assets/{}/shares/{}", (ids, body) -> run(() -> control.unshareAsset(ids.get(0), ids.get(1))));
        on("PUT /assets/{}/assignments/{}", (ids, body) -> {
            List<String> tasks = Arrays.asList(Json.MAPPER.treeToValue(object(body).path("tasks"), String[].class));
            return run(() -> control.assign(ids.get(0), ids.get(1), tasks));
        });
        on("DELETE /assets/{}/assignments/{}", (ids, body) -> run(() -> control.unassign(ids.get(0), ids.get(1))));

        on("POST /tokens", (ids, body) -> {
            Token token = read(object(body), Token.class);
            control.addToken(token);
            return json(201, Map.of("token", Token.fingerprint(token.value())));
        });
        on("POST /tokens/{}/revoke", (ids, body) -> run(() -> control.revokeToken(ids.get(0))));
    }

    public static boolean isControlPath(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    public Answer handle(String method, String path, String body) {
        List<String> segments = Arrays.stream(path.substring(PREFIX.length()).split("/"))
                .filter(segment -> !segment.isEmpty()).toList();
        for (Route route : routes) {
            Optional<List<String>> variables = route.match(method, segments);
            if (variables.isPresent()) {
                return dispatch(route, variables.get(), body);
            }
        }
        return error(404, "no control route " + method + " " + path);
    }

    private static Answer dispatch(Route route, List<String> variables, String body) {
        try {
            return route.action().run(variables, body);
        } catch (NoSuchElementException e) {
            return error(404, e.getMessage());
        } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
            return error(400, e.getMessage());
        }
    }

    private void on(String route, Action action) {
        String[] methodAndPath = route.split(" ", 2);
        List<String> pattern = Arrays.stream(methodAndPath[1].split("/")).filter(part -> !part.isEmpty()).toList();
        routes.add(new Route(methodAndPath[0], pattern, action));
    }

    // ---- JSON in and out ----

    private static ObjectNode object(String body) throws JsonProcessingException {
        JsonNode node = Json.MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return (ObjectNode) node;
    }

    /** The path names the business; a businessId in the body is overridden by it. */
    private static ObjectNode inBusiness(String body, String businessId) throws JsonProcessingException {
        return object(body).put("businessId", businessId);
    }

    private static <T> T read(ObjectNode node, Class<T> type) throws JsonProcessingException {
        return Json.MAPPER.treeToValue(node, type);
    }

    /** {@code current} with the fields of {@code body} replacing its own; fields not sent stay. */
    private static <T> T merge(T current, String body, Class<T> type) {
        try {
            ObjectNode merged = Json.MAPPER.valueToTree(current);
            merged.setAll(object(body));
            return Json.MAPPER.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer run(Runnable change) {
        change.run();
        return noContent();
    }

    private static <T> Answer created(Consumer<T> add, T item) {
        add.accept(item);
        return json(201, item);
    }

    private static Answer noContent() {
        return new Answer(204, null);
    }

    private static Answer error(int status, String message) {
        return json(status, Map.of("error", message == null ? "invalid request" : message));
    }

    private static Answer json(int status, Object value) {
        try {
            return new Answer(status, Json.MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("control answers always serialize", e);
        }
    }
}
