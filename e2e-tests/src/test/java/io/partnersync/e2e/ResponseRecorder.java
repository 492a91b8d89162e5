package io.partnersync.e2e;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/** Keeps every answer the journey got (headers and body), for the leak scan. */
final class ResponseRecorder implements Filter {

    private final List<String> answers = new CopyOnWriteArrayList<>();

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        Response answer = context.next(request, response);
        answers.add(request.getMethod() + " " + request.getURI() + "\n" + answer.getHeaders() + "\n" + answer.asString());
        return answer;
    }

    List<String> bodies() {
        return List.copyOf(answers);
    }
}
