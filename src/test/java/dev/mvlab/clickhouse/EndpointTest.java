package dev.mvlab.clickhouse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 13, item 12: user and password in a URL are taken explicitly and never printed. */
class EndpointTest {
    @Test
    void userinfoInTheUrlIsUsedAndTheEndpointNeverShowsThePassword() {
        Endpoint endpoint = Endpoint.fromUrl("https://ana:s%3Acret@db.example:8443", "other", "ignored");
        assertThat(endpoint.user()).isEqualTo("ana");
        assertThat(endpoint.password()).isEqualTo("s:cret");
        assertThat(endpoint.toString()).isEqualTo("https://db.example:8443 as ana").doesNotContain("cret");
        assertThat(endpoint.httpUrl()).doesNotContain("cret");
        assertThat(Endpoint.fromUrl("http://bob@h:1", null, "p").password()).isEqualTo("p");
    }

    @Test
    void aMalformedUrlIsReportedWithItsPasswordMasked() {
        assertThatThrownBy(() -> Endpoint.fromUrl("http://ana:topsecret@host:12/x y", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http://ana:***@host:12").hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> Endpoint.fromUrl("ftp://ana:topsecret@host", null, null))
                .hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> Endpoint.fromUrl("http://ana:topsecret@host:8123/db?x=1", null, null))
                .hasMessageContaining("choose the database with -d").hasMessageNotContaining("topsecret");
    }
}
