package io.partnersync.userdirectory.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV: comma-separated cells, CRLF after every record, a cell quoted when it holds
 * a comma, quote, CR or LF, quotes doubled. A cell a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or CR) gets a leading apostrophe, so it shows as text.
 */
final class Csv {

    private Csv() {
    }

    static String record(List<String> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = startsLikeFormula(value) ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\r") || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static boolean startsLikeFormula(String value) {
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    }
}
