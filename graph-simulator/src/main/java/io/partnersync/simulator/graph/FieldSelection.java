package io.partnersync.simulator.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code fields} parameter, e.g.
 * {@code id,name,business_users.limit(200){id,name,email},system_users{id}}: field names, each
 * with optional modifiers ({@code .limit(n)}, {@code .after(cursor)}, ...) and nested fields.
 *
 * @param text the source text, reused in the paging links of nested edges
 */
record FieldSelection(List<RequestedField> fields, String text) {

    record RequestedField(String name, Map<String, String> modifiers, FieldSelection subfields) {
    }

    /** The selection, or null when the parameter is absent and each node's default fields apply. */
    static FieldSelection parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Parser parser = new Parser(text);
        FieldSelection selection = parser.list();
        if (!parser.atEnd()) {
            throw parser.syntaxError("end of string");
        }
        return selection;
    }

    private static final class Parser {
        private final String text;
        private int position;

        Parser(String text) {
            this.text = text;
        }

        FieldSelection list() {
            int start = position;
            List<RequestedField> fields = new ArrayList<>();
            do {
                fields.add(field());
            } while (consume(','));
            return new FieldSelection(fields, text.substring(start, position).trim());
        }

        private RequestedField field() {
            String name = name();
            Map<String, String> modifiers = new LinkedHashMap<>();
            while (consume('.')) {
                String modifier = name();
                expect('(');
                int close = text.indexOf(')', position);
                if (close < 0) {
                    throw syntaxError("\")\"");
                }
                modifiers.put(modifier, text.substring(position, close).trim());
                position = close + 1;
            }
            FieldSelection subfields = null;
            if (consume('{')) {
                subfields = list();
                expect('}');
            }
            skipSpaces();
            return new RequestedField(name, modifiers, subfields);
        }

        private String name() {
            skipSpaces();
            int start = position;
            while (position < text.length()
                    && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
                position++;
            }
            if (start == position) {
                throw syntaxError("a field name");
            }
            return text.substring(start, position);
        }

        private boolean consume(char expected) {
            skipSpaces();
            if (position < text.length() && text.charAt(position) == expected) {
                position++;
                return true;
            }
            return false;
        }

        private void expect(char expected) {
            if (!consume(expected)) {
                throw syntaxError("\"" + expected + "\"");
            }
        }

        private void skipSpaces() {
            while (position < text.length() && text.charAt(position) == ' ') {
                position++;
            }
        }

        boolean atEnd() {
            skipSpaces();
            return position == text.length();
        }

        GraphError syntaxError(String expected) {
            String found = position < text.length() ? "\"" + text.charAt(position) + "\"" : "end of string";
            return GraphError.invalidParameter("Syntax error \"Expected " + expected + " instead of " + found
                    + ".\" at character " + position + ": " + text);
        }
    }
}
