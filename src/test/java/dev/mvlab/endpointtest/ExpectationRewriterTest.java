package dev.mvlab.endpointtest;

import dev.mvlab.errors.MvlabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** --update's text edits: only expected_result and expected_http_status change, wherever they are or are missing. */
class ExpectationRewriterTest {
    private static EndpointTestFile read(Path dir, String text) throws IOException {
        Path file = Files.writeString(dir.resolve("hits.yaml"), text);
        return EndpointTestReader.read(file, List.of("hits"));
    }

    private static TestOutcome answer(EndpointTest test, int status, String result) {
        return new TestOutcome(test, status, result, false, List.of());
    }

    @Test
    void aMissingResultAndAnErrorStatusAreAddedAtTheEndOfTheirTest(@TempDir Path dir) throws IOException {
        EndpointTestFile file = read(dir, """
                - name: no_path  # keeps its comment
                  parameters: ''

                - expected_result: |
                    {"n":1}
                  name: first_key_on_the_dash_line
                  parameters: path=/a
                """);
        String text = ExpectationRewriter.rewrite(file, List.of(
                answer(file.tests().get(0), 400, "[Error] Missing parameter: path"),
                answer(file.tests().get(1), 200, "{\"n\":2}\n{\"n\":3}")));
        assertThat(text).isEqualTo("""
                - name: no_path  # keeps its comment
                  parameters: ''
                  expected_http_status: 400
                  expected_result: |
                    [Error] Missing parameter: path

                - expected_result: |
                    {"n":2}
                    {"n":3}
                  name: first_key_on_the_dash_line
                  parameters: path=/a
                """);
        Path again = Files.writeString(dir.resolve("hits.yaml"), text);
        EndpointTestFile reread = EndpointTestReader.read(again, List.of("hits"));
        assertThat(reread.tests().get(0).expectedResult().strip()).isEqualTo("[Error] Missing parameter: path");
        assertThat(reread.tests().get(0).status()).isEqualTo(400);
        assertThat(reread.tests().get(1).expectedResult()).isEqualTo("{\"n\":2}\n{\"n\":3}\n");
    }

    @Test
    void anEmptyAnswerIsAnEmptyStringAndAWrittenStatusIsReplaced(@TempDir Path dir) throws IOException {
        EndpointTestFile file = read(dir, """
                - name: t
                  expected_http_status: 400
                  expected_result: old error
                  description: after the result
                """);
        assertThat(ExpectationRewriter.rewrite(file, List.of(answer(file.tests().get(0), 200, ""))))
                .isEqualTo("""
                        - name: t
                          expected_http_status: 200
                          expected_result: ''
                          description: after the result
                        """);
    }

    @Test
    void aFlowStyleTestIsRefusedRatherThanRewrittenBadly(@TempDir Path dir) throws IOException {
        EndpointTestFile file = read(dir, "- {name: t, parameters: 'a=1'}\n");
        assertThatThrownBy(() -> ExpectationRewriter.rewrite(file, List.of(answer(file.tests().get(0), 200, "{}"))))
                .isInstanceOf(MvlabException.class).hasMessageContaining("hits.yaml:1:");
    }
}
