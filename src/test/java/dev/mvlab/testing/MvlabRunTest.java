package dev.mvlab.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MvlabRunTest {
    @Test
    void aRunGivesTheExitCodeAndBothStreams() {
        MvlabRun help = MvlabRun.mvlab("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: mvlab");

        MvlabRun wrong = MvlabRun.mvlab("lesson", "rnu");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("Did you mean");
        assertThat(wrong.output()).endsWith(wrong.err());
    }
}
