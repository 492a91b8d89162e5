package io.partnersync.userdirectory;

import static io.partnersync.userdirectory.Directory.adAccount;
import static io.partnersync.userdirectory.Directory.page;
import static io.partnersync.userdirectory.Directory.systemUser;
import static io.partnersync.userdirectory.DirectoryApi.asViewer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.partnersync.events.AssetAccess;
import io.partnersync.events.GuestUserKind;
import io.partnersync.events.ImportedGuestUser;
import io.partnersync.testkit.RealInfrastructure;
import io.partnersync.userdirectory.Directory.Partner;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class CsvExportTest {

    private static final String EXPORT = "/api/directory/integrations/{id}/guest-users/export";
    private static final String HEADER = "id,partnerId,partnerBusinessId,kind,metaUserId,name,email,role,twoFactorStatus,"
            + "title,status,riskFlags,assets,invitedAt,inviteExpiresAt,firstSeenAt,lastSeenAt,removedAt,removalReason\r\n";

    @Test
    void exportsTheFilteredSortedListAsRfc4180CsvThatNoSpreadsheetRunsAsAFormula() {
        Partner partner = Partner.fresh();
        partner.sync(
                person("1", "Doe, John", "john@agency.test", "Says \"hi\"", adAccount("act_1", "ANALYZE", "MANAGE")),
                person("2", "=HYPERLINK(\"http://evil.test\",\"click\")", "eq@agency.test", "plain"),
                person("3", "+1 Plus", "plus@agency.test", "Line one\nLine two"),
                person("4", "-2 Minus", "minus@agency.test", "plain"),
                person("5", "@SUM(A1)", "at@agency.test", "plain"),
                person("6", "Zed", "zed@agency.test", "tab\tinside"),
                systemUser("7", "Build bot", "ADMIN", page("501", "MANAGE")));

        Response response = asViewer(partner).queryParam("sort", "email").get(EXPORT, partner.integrationId());

        response.then().statusCode(200)
                .header("Content-Type", "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"guest-users-" + partner.integrationId() + ".csv\"");
        String body = response.asString();
        assertThat(body).startsWith(HEADER).endsWith("\r\n");
        List<List<String>> records = parse(body);
        assertThat(records).hasSize(8);
        assertThat(records).allSatisfy(record -> assertThat(record).hasSize(19));
        // Sorted by email: the system user (no email) first.
        assertThat(records.subList(1, 8).stream().map(r -> r.get(4)).toList())
                .containsExactly("7", "5", "2", "1", "4", "3", "6");
        List<String> john = records.get(4);
        assertThat(john.get(5)).isEqualTo("Doe, John");
        assertThat(john.get(9)).isEqualTo("Says \"hi\"");
        assertThat(john.get(11)).isEqualTo("FULL_CONTROL_ON_SHARED_ASSET");
        assertThat(john.get(12)).isEqualTo("Ad account act_1 (AD_ACCOUNT act_1): ANALYZE MANAGE");
        assertThat(john.get(10)).isEqualTo("ACTIVE");
        assertThat(records.get(6).get(9)).isEqualTo("Line one\nLine two");
        // Cells a spreadsheet would evaluate start with an apostrophe.
        assertThat(records.get(3).get(5)).isEqualTo("'=HYPERLINK(\"http://evil.test\",\"click\")");
        assertThat(records.get(6).get(5)).isEqualTo("'+1 Plus");
        assertThat(records.get(5).get(5)).isEqualTo("'-2 Minus");
        assertThat(records.get(2).get(5)).isEqualTo("'@SUM(A1)");
        // On the wire: quoted where needed, quotes doubled.
        assertThat(body).contains(",\"Doe, John\",john@agency.test,").contains(",\"Says \"\"hi\"\"\",")
                .contains(",\"Line one\nLine two\",")
                .contains(",\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"click\"\")\",");
    }

    @Test
    void theExportAppliesTheListFilters() {
        Partner partner = Partner.fresh();
        partner.sync(person("1", "Ann", "ann@agency.test", "plain"), systemUser("2", "Bot", "ADMIN"),
                systemUser("3", "Another bot", "EMPLOYEE"));

        List<List<String>> records = parse(asViewer(partner).queryParam("kind", "SYSTEM_USER").queryParam("sort", "-name")
                .get(EXPORT, partner.integrationId()).then().statusCode(200).extract().asString());

        assertThat(records.subList(1, records.size()).stream().map(r -> r.get(5)).toList()).containsExactly("Bot", "Another bot");
    }

    private static ImportedGuestUser person(String metaId, String name, String email, String title,
            AssetAccess... assets) {
        return new ImportedGuestUser(metaId, GuestUserKind.BUSINESS_USER, name, email, "EMPLOYEE", "enabled", title, null,
                null, List.of(assets));
    }

    /** A strict RFC 4180 reader: records end with CRLF; a quoted field may hold anything, quotes doubled. */
    static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < csv.length()) {
            char c = csv.charAt(i);
            if (c == '"' && field.isEmpty()) {
                i++;
                while (true) {
                    char q = csv.charAt(i);
                    if (q == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                    } else if (q == '"') {
                        i++;
                        break;
                    } else {
                        field.append(q);
                        i++;
                    }
                }
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r' && csv.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i += 2;
            } else {
                assertThat(c).as("bare CR, LF or quote outside a quoted field at " + i).isNotIn('\r', '\n', '"');
                field.append(c);
                i++;
            }
        }
        assertThat(record).as("the last record ends with CRLF").isEmpty();
        return records;
    }
}
