package io.partnersync.simulator.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnersync.simulator.data.App;
import io.partnersync.simulator.data.Business;
import io.partnersync.simulator.data.Json;
import io.partnersync.simulator.data.Person;
import io.partnersync.simulator.data.Token;
import io.partnersync.simulator.state.GraphData;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** {@code GET /debug_token}, {@code GET /me} and {@code GET /me/businesses}. */
final class TokenEndpoints {

    private TokenEndpoints() {
    }

    /**
     * Needs the app token {@code app_id|app_secret} as access_token. A bad input token is not an error
     * here: Graph answers 200 with {@code is_valid:false} and the reason in {@code data.error}.
     */
    static ObjectNode debugToken(GraphData data, GraphRequest request, Faults faults) {
        String appToken = request.accessToken();
        if (appToken == null) {
            throw GraphError.accessTokenRequired();
        }
        App app = data.app();
        if (!appToken.equals(app.appToken())) {
            throw appToken.startsWith(app.id() + "|") ? GraphError.wrongAppSecret() : GraphError.cannotParseToken();
        }
        String input = request.param("input_token");
        if (input == null) {
            throw GraphError.missingParameter("input_token");
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode out = body.putObject("data");
        Optional<Token> found = data.token(input);
        if (found.isEmpty()) {
            putError(out, GraphError.cannotParseToken());
            out.put("is_valid", false);
            out.putArray("scopes");
            return body;
        }
        Token token = found.get();
        Optional<GraphError> invalid = faults.tokenErrors().containsKey(input)
                ? Optional.of(GraphError.injected(faults.tokenErrors().get(input)))
                : Authentication.invalidity(data, token);
        out.put("app_id", token.appId());
        out.put("type", token.type());
        out.put("application", token.appId().equals(app.id()) ? app.name() : "app " + token.appId());
        out.put("data_access_expires_at", 0);
        invalid.ifPresent(error -> putError(out, error));
        out.put("expires_at", token.expiresAt());
        out.put("is_valid", invalid.isEmpty());
        if (token.issuedAt() > 0) {
            out.put("issued_at", token.issuedAt());
        }
        ArrayNode scopes = out.putArray("scopes");
        token.scopes().forEach(scopes::add);
        ArrayNode granular = out.putArray("granular_scopes");
        for (String scope : token.scopes()) {
            ObjectNode entry = granular.addObject().put("scope", scope);
            // Graph names the business for business_management; other scopes here are unrestricted.
            if (scope.equals(Permissions.BUSINESS_MANAGEMENT) && token.businessId() != null) {
                entry.putArray("target_ids").add(token.businessId());
            }
        }
        if (token.userId() != null) {
            out.put("user_id", token.userId());
        }
        return body;
    }

    static ObjectNode me(Call call) {
        return call.node(currentUser(call), Nodes.USER);
    }

    static ObjectNode meEdge(Call call, String edgeName) {
        currentUser(call);
        if (!edgeName.equals("businesses")) {
            throw GraphError.nonexistingField(edgeName, Nodes.USER.graphName());
        }
        Permissions.requireScope(call.token(), Permissions.BUSINESS_MANAGEMENT);
        NavigableMap<Long, Business> own = new TreeMap<>();
        call.data().businesses().forEach((position, business) -> {
            if (business.id().equals(call.token().businessId())) {
                own.put(position, business);
            }
        });
        return call.listing("/me/businesses", own, Nodes.BUSINESS);
    }

    private static Person currentUser(Call call) {
        String userId = call.token().userId();
        if (userId == null) {
            throw GraphError.noCurrentUser();
        }
        return call.data().person(userId).orElseThrow(GraphError::noCurrentUser);
    }

    /** debug_token's own error shape: {@code {code, message, subcode}}. */
    private static void putError(ObjectNode out, GraphError error) {
        ObjectNode node = out.putObject("error").put("code", error.code()).put("message", error.getMessage());
        if (error.subcode() != null) {
            node.put("subcode", error.subcode());
        }
    }
}
