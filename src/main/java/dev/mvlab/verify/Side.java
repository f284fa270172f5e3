package dev.mvlab.verify;

/** One of the two queries of a check. */
public enum Side {
    MV("mv"), RAW("raw");

    private final String label;

    Side(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
