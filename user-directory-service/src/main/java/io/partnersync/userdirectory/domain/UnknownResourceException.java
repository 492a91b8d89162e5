package io.partnersync.userdirectory.domain;

/** Something the caller named does not exist in their workspace (or in no workspace: the answer is the same). */
public class UnknownResourceException extends RuntimeException {

    private final String what;

    public UnknownResourceException(String what, Object id) {
        this(what, id, null);
    }

    public UnknownResourceException(String what, Object id, String hint) {
        super("No " + what + " " + id + " in your workspace" + (hint == null ? "" : " (" + hint + ")"));
        this.what = what;
    }

    /** e.g. {@code guest-user}, {@code held-removal}, {@code integration}. */
    public String what() {
        return what;
    }
}
