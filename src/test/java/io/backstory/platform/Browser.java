package io.backstory.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.restassured.RestAssured;

/**
 * Headless Chromium from Debian, driven through Debian's chromedriver: no browser or driver is downloaded at run
 * time. Every open browser is known to {@link BrowserArtifacts}, which saves a screenshot and the page of each one
 * when a test fails.
 */
public final class Browser implements AutoCloseable {

    static final Set<Browser> OPEN = ConcurrentHashMap.newKeySet();

    private final String name;
    private final ChromeDriver driver;
    private final Path profile;

    private Browser(String name, int width, int height, boolean javaScript) {
        this.name = name;
        try {
            this.profile = Files.createTempDirectory("chromium-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(System.getProperty("browser.binary", "/usr/bin/chromium"))
                // Without the networking switches Chromium keeps calling home, which this network refuses.
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-quic", "--no-first-run", "--user-data-dir=" + profile,
                        "--window-size=" + width + "," + height);
        if (!javaScript) {
            // The pages' own scripts are blocked; chromedriver's (readiness checks, paste) still run, through DevTools.
            options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("browser.driver", "/usr/bin/chromedriver")).toFile())
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        OPEN.add(this);
    }

    /** A fresh browser (own profile: no cookies) with a desktop-sized window. */
    public static Browser open(String name) {
        return new Browser(name, 1366, 900, true);
    }

    /** The same with the pages' JavaScript switched off, as for a reader who blocks scripts. */
    public static Browser openWithoutJavaScript(String name) {
        return new Browser(name, 1366, 900, false);
    }

    public static String baseUrl() {
        return "http://localhost:" + RestAssured.port;
    }

    /** Opens a path of the application, or an absolute URL. */
    public Browser go(String pathOrUrl) {
        driver.get(pathOrUrl.matches("^[a-z]+:.*") ? pathOrUrl : baseUrl() + pathOrUrl);
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public Browser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /**
     * Sets a field's whole text by script, as pasting would, and fires the input event the page's scripts listen to.
     * For long texts (typing 10,000 characters key by key takes minutes) and for characters outside the Basic
     * Multilingual Plane (most emoji), which chromedriver cannot type.
     */
    public Browser paste(String css, String text) {
        driver.executeScript("arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", find(css), text);
        return this;
    }

    /** Types with real key events at the end of a field's text, keeping what is there. */
    public Browser typeAtEnd(String css, String text) {
        WebElement field = find(css);
        driver.executeScript("arguments[0].focus();"
                + " arguments[0].setSelectionRange(arguments[0].value.length, arguments[0].value.length);", field);
        field.sendKeys(text);
        return this;
    }

    /** The current text of a form field (what the member sees in it, not the HTML's value attribute). */
    public String value(String css) {
        return find(css).getDomProperty("value");
    }

    public Browser click(String css) {
        find(css).click();
        return this;
    }

    /** Clicks something that loads a new page (a submit button, a link) and waits until the new page is there. */
    public Browser clickAndWait(String css) {
        return navigateBy(find(css));
    }

    private Browser navigateBy(WebElement target) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        target.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> isGone(oldPage));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(
                d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    /** Waits (up to 10 s) until an element matching the selector contains the text, e.g. after an in-place update. */
    public Browser waitForText(String css, String text) {
        return waitForAny(css, e -> e.getText().contains(text));
    }

    /** Waits (up to 10 s) until an element matching the selector has the attribute's value. */
    public Browser waitForAttribute(String css, String attribute, String value) {
        return waitForAny(css, e -> value.equals(e.getAttribute(attribute)));
    }

    private Browser waitForAny(String css, java.util.function.Predicate<WebElement> wanted) {
        // An element swapped out by htmx between finding and reading it is looked for again.
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(wanted));
        return this;
    }

    /** Whether the element's page was replaced; mid-navigation, Chromium may also answer that the node is unknown. */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException replaced) {
            return true;
        }
    }

    /** Chooses an option of a select, opening the collapsed details section it sits in first. */
    public Browser choose(String css, String value) {
        WebElement select = find(css);
        if (!select.isDisplayed()) {
            select.findElement(By.xpath("ancestor::details[1]/summary")).click();
        }
        new Select(select).selectByValue(value);
        return this;
    }

    /** Clicks the link whose text contains the given words. */
    public Browser followLink(String text) {
        return navigateBy(driver.findElement(By.partialLinkText(text)));
    }

    public String text(String css) {
        return find(css).getText();
    }

    public String title() {
        return driver.getTitle();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String path() {
        return java.net.URI.create(url()).getPath();
    }

    public ChromeDriver driver() {
        return driver;
    }

    public String name() {
        return name;
    }

    /**
     * Logs in on Keycloak's own login page (in the realm file, each password is the user name) and returns to
     * the application.
     */
    public Browser logInThroughKeycloak(String user) {
        go("/").clickAndWait("a[href='/login']");
        if (!url().startsWith(KeycloakServer.REALM_URL)) {
            throw new AssertionError("expected Keycloak's login page, got " + url());
        }
        return type("#username", user).type("#password", user).clickAndWait("#kc-login");
    }

    /** Logs in on Keycloak's login page; on the member's first visit, picks the handle the welcome page asks for. */
    public Browser logInThroughKeycloak(String user, String handleOnFirstVisit) {
        logInThroughKeycloak(user);
        return findAll("#handle").isEmpty() ? this : pickHandle(handleOnFirstVisit);
    }

    /** Picks the handle on the welcome page a member sees after their first login. */
    public Browser pickHandle(String handle) {
        return type("#handle", handle).clickAndWait("form[action='/settings/handle'] button[type=submit]");
    }

    /** Resizes the window, e.g. to a phone's width; the page stays as it is. */
    public Browser resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    /** Whether the page is wider than the window, so a reader would have to scroll sideways. */
    public boolean scrollsSideways() {
        return (Boolean) driver.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    }

    /** Saves a PNG of the viewport to the file, creating its folder. */
    public Path screenshot(Path png) {
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves a PNG of the viewport and the page's HTML into the artefact folder; returns the PNG's path. */
    public Path saveArtifacts(String label) {
        Path dir = Path.of(System.getProperty("browser.artifacts", "target/browser-artifacts"));
        Path png = screenshot(dir.resolve(label + "-" + name + ".png"));
        try {
            Files.writeString(dir.resolve(label + "-" + name + ".html"), driver.getPageSource());
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        OPEN.remove(this);
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
