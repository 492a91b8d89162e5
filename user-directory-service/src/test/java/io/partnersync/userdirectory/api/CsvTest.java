package io.partnersync.userdirectory.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void plainCellsStayAsTheyAre() {
        assertThat(Csv.cell("Ann Lee")).isEqualTo("Ann Lee");
        assertThat(Csv.cell("")).isEmpty();
        assertThat(Csv.cell(null)).isEmpty();
        assertThat(Csv.cell("a'b")).isEqualTo("a'b");
    }

    @Test
    void cellsWithSeparatorsQuotesOrLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(Csv.cell("Doe, John")).isEqualTo("\"Doe, John\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(Csv.cell("a\r\nb")).isEqualTo("\"a\r\nb\"");
    }

    @Test
    void cellsStartingLikeAFormulaAreMadeText() {
        assertThat(Csv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(Csv.cell("+1")).isEqualTo("'+1");
        assertThat(Csv.cell("-1")).isEqualTo("'-1");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(Csv.cell("\rcmd")).isEqualTo("\"'\rcmd\"");
        assertThat(Csv.cell("=A1,B1")).isEqualTo("\"'=A1,B1\"");
        assertThat(Csv.cell("a=1")).isEqualTo("a=1");
    }

    @Test
    void aRecordEndsWithCrlf() {
        assertThat(Csv.record(Arrays.asList("a", null, "b,c"))).isEqualTo("a,,\"b,c\"\r\n");
    }
}
