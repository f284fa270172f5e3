package dev.mvlab.serve.door;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which Host names the door answers to, spelled every way a client may spell them. */
class HostNamesTest {

    @Test
    void onLoopbackTheLoopbackNamesAndTheAllowedOnes() {
        HostNames hosts = HostNames.of("127.0.0.1", List.of("Dash.Example"));
        assertThat(hosts.allows("127.0.0.1:7181")).isTrue();
        assertThat(hosts.allows("localhost:7181")).isTrue();
        assertThat(hosts.allows("LOCALHOST")).isTrue();
        assertThat(hosts.allows("[::1]:7181")).isTrue();
        assertThat(hosts.allows("[0:0:0:0:0:0:0:1]:7181")).isTrue();
        assertThat(hosts.allows("dash.example:7181")).isTrue();
        assertThat(hosts.allows("rebind.evil.example:7181")).isFalse();
        assertThat(hosts.allows("localhost.evil.example")).isFalse();
        assertThat(hosts.allows("127.0.0.1.nip.io")).isFalse();
        assertThat(hosts.allows("")).isFalse();
        assertThat(hosts.allows(null)).isFalse();
    }

    @Test
    void onANonLoopbackAddressThatAddressOnly() {
        HostNames hosts = HostNames.of("192.0.2.2", List.of());
        assertThat(hosts.allows("192.0.2.2:7181")).isTrue();
        assertThat(hosts.allows("localhost:7181")).isFalse();
        assertThat(hosts.allows("rebind.evil.example")).isFalse();
    }

    @Test
    void ipv6SpellingsAreOneName() {
        HostNames hosts = HostNames.of("fd00:0:0:0:0:0:0:2", List.of());
        assertThat(hosts.allows("[fd00::2]:7181")).isTrue();
        assertThat(hosts.allows("[FD00:0::2]")).isTrue();
        assertThat(hosts.allows("[fd00::3]")).isFalse();
    }

    @Test
    void loopbackNamesForTokens() {
        assertThat(HostNames.isLoopbackName("127.0.0.1:7181")).isTrue();
        assertThat(HostNames.isLoopbackName("localhost")).isTrue();
        assertThat(HostNames.isLoopbackName("[::1]:7181")).isTrue();
        assertThat(HostNames.isLoopbackName("[0:0::1]")).isTrue();
        assertThat(HostNames.isLoopbackName("192.0.2.2:7181")).isFalse();
        assertThat(HostNames.isLoopbackName("127.0.0.1.evil.example")).isFalse();
    }
}
