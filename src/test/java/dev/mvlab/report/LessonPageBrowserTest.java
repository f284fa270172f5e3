package dev.mvlab.report;

import dev.mvlab.datafile.ProjectLoader;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.lesson.GeneratorEventSource;
import dev.mvlab.lesson.Lesson;
import dev.mvlab.lesson.LessonCatalog;
import dev.mvlab.lesson.LessonListener;
import dev.mvlab.lesson.LessonResult;
import dev.mvlab.lesson.LessonRunner;
import dev.mvlab.lesson.ProjectDeployer;
import dev.mvlab.lesson.RunOptions;
import dev.mvlab.model.Project;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.SqlTemplates;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.verify.Verifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens the pages of lessons 3 and 7 in headless chromium, as a student would open the file: the lineage is drawn
 * as SVG with one box per object the lesson built, every chart draws the bars its data holds, the console shows no
 * error, and a screenshot of each page goes to {@code target/screenshots/}.
 */
@ExtendWith(ClickHouseExtension.class)
class LessonPageBrowserTest {
    static final Path REPO = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath();
    static final Path SCREENSHOTS = REPO.resolve("target/screenshots");
    static Database server;
    static ChromeDriver browser;

    @TempDir
    static Path temp;

    @BeforeAll
    static void start(Database db) {
        server = db;
        browser = HeadlessChromium.start(temp.resolve("profile"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static LessonResult run(int number) {
        Project project = ProjectLoader.load(REPO);
        LessonRunner runner = new LessonRunner(new ProjectDeployer(project, new SqlRenderer(new SqlTemplates(null))),
                new GeneratorEventSource(project, temp.resolve("checkpoints")), new Verifier());
        Lesson lesson = new LessonCatalog(REPO).get(number);
        return runner.run(lesson, server, new RunOptions(number == 3 ? 20_000L : null, null, false,
                server.name() + "_" + lesson.database()), LessonListener.NONE);
    }

    /** Writes the page, opens it, waits until it has drawn, and checks what every page must show. */
    private static Path open(int number, LessonResult result) {
        Path page = temp.resolve("lesson-" + number + ".html");
        PageFiles.lesson(result, server, page);
        browser.get(page.toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !"".equals(state()));
        assertThat(state()).as("the page's drawing script").isEqualTo("true");
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("console errors").isEmpty();
        return page;
    }

    private static String state() {
        Object ready = browser.executeScript("return document.body.dataset.ready || ''");
        return String.valueOf(ready);
    }

    private static int lineageNodes() {
        WebElement lineage = browser.findElement(By.id("lineage"));
        assertThat(lineage.findElements(By.tagName("svg"))).as("the lineage is an SVG").hasSize(1);
        int drawn = lineage.findElements(By.cssSelector("svg g.node")).size();
        assertThat(drawn).as("boxes drawn against objects listed").isEqualTo(
                Integer.parseInt(lineage.getDomAttribute("data-nodes")));
        return drawn;
    }

    /** Bars drawn per chart, each against the bars its data holds. */
    private static List<Integer> bars() {
        List<WebElement> charts = browser.findElements(By.cssSelector("figure.chart"));
        for (WebElement chart : charts) {
            assertThat(chart.findElements(By.cssSelector("svg line.ct-bar")).size()).as("bars of '%s'",
                    chart.findElement(By.tagName("figcaption")).getText())
                    .isEqualTo(Integer.parseInt(chart.getDomAttribute("data-bars")));
        }
        return charts.stream().map(c -> c.findElements(By.cssSelector("svg line.ct-bar")).size()).toList();
    }

    private static void screenshot(String name, WebElement element) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        browser.executeScript("arguments[0].scrollIntoView()", element);
        Files.move(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void lessonThreeDrawsItsLineageAndTheSpeedOfTheViewAgainstTheRawTable() throws Exception {
        LessonResult result = run(3);
        open(3, result);

        try (Database db = server.use(result.database())) {
            assertThat(lineageNodes()).isEqualTo(LineageReader.read(db, LessonPage.focus(result)).nodes().size())
                    .isGreaterThanOrEqualTo(5);
        }
        List<WebElement> speed = browser.findElements(By.cssSelector("section[data-kind=compare_speed] figure.chart"));
        assertThat(speed).as("time and rows read, for each of the two speed comparisons").hasSize(4);
        assertThat(speed).allSatisfy(chart -> assertThat(chart.findElements(By.cssSelector("line.ct-bar")))
                .hasSize(2));
        assertThat(bars().stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(8);
        assertThat(browser.findElements(By.cssSelector("pre.sql code.hljs"))).as("highlighted SQL").isNotEmpty();
        screenshot("lesson-03-top.png", browser.findElement(By.tagName("header")));
        screenshot("lesson-03-speed.png", speed.get(0));
    }

    @Test
    void lessonSevenDrawsTheDriftOfEachBrand() throws Exception {
        LessonResult result = run(7);
        open(7, result);

        assertThat(lineageNodes()).as("products, two views, their two targets and the endpoint").isEqualTo(6);
        assertThat(browser.findElements(By.cssSelector("#lineage g.node.focus"))).as("what the checks read")
                .isNotEmpty();
        List<WebElement> drift = browser.findElements(By.cssSelector("div.verdict[data-verdict=DRIFT] + div.charts "
                + "figure.chart"));
        assertThat(drift).as("a chart for each DRIFT verdict with numbers").isNotEmpty();
        assertThat(drift.get(0).getText()).contains("stock_summed");
        assertThat(drift.get(0).findElements(By.cssSelector("line.ct-bar"))).as("mv and raw for Acme").hasSize(2);
        assertThat(drift.get(0).findElements(By.cssSelector("line.ct-bar")).stream()
                .map(bar -> bar.getDomAttribute("ct:value")).toList()).containsExactly("550", "350");
        bars();
        screenshot("lesson-07-top.png", browser.findElement(By.tagName("header")));
        screenshot("lesson-07-drift.png", drift.get(0));
    }
}
