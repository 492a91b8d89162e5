package io.partnersync.userdirectory.domain;

/** What one chunk did to the people it carried. */
public record ImportCounts(int added, int updated, int unchanged) {

    public static final ImportCounts NONE = new ImportCounts(0, 0, 0);
}
