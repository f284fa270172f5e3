package dev.mvlab.engine.host;

/**
 * Who a request to the relay comes from, told by the secret it carries; the relay then queries chDB as this caller's
 * ClickHouse user, whatever user the request names.
 */
enum RelayCaller {
    /** The user's credential ({@code mvlab engine credential}), as their own clients send it. */
    CREDENTIAL(ChdbConfig.RELAY_USER),
    /** mvlab's own commands, with the key only they read ({@code engine/own-key}): a lane of their own. */
    OWN(ChdbConfig.OWN_USER);

    private final String clickhouseUser;

    RelayCaller(String clickhouseUser) {
        this.clickhouseUser = clickhouseUser;
    }

    String clickhouseUser() {
        return clickhouseUser;
    }
}
