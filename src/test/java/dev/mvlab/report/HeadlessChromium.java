package dev.mvlab.report;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Debian's chromium and chromedriver, headless, with the flags this machine's closed network needs. Found through
 * {@code MVLAB_CHROMIUM} / {@code MVLAB_CHROMEDRIVER} or on the PATH; a missing browser fails the test (CI installs
 * it in .ci/run), it never skips.
 */
final class HeadlessChromium {
    private HeadlessChromium() {
    }

    static ChromeDriver start(Path profile) {
        Path browser = find("MVLAB_CHROMIUM", "chromium", "chromium-browser", "google-chrome")
                .orElseThrow(() -> new AssertionError("no chromium on the PATH: apt-get install -y chromium "
                        + "chromium-driver (.ci/run installs both), or set MVLAB_CHROMIUM"));
        Path driver = find("MVLAB_CHROMEDRIVER", "chromedriver")
                .orElseThrow(() -> new AssertionError("no chromedriver on the PATH: apt-get install -y "
                        + "chromium-driver (.ci/run installs it), or set MVLAB_CHROMEDRIVER"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1600",
                "--allow-file-access-from-files");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static Optional<Path> find(String variable, String... names) {
        String given = System.getenv(variable);
        if (given != null && !given.isBlank()) {
            return Optional.of(Path.of(given));
        }
        List<Path> dirs = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(s -> !s.isBlank()).map(Path::of).toList();
        for (String name : names) {
            for (Path dir : dirs) {
                Path candidate = dir.resolve(name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
