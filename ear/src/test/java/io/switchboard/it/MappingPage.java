package io.switchboard.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The field-mapping page ({@code /switchboard/admin/mapping/}) as a person uses it, for tests:
 * every step goes through the page's controls, and each one waits until the page says it is done
 * (its live region, or the version it shows).
 */
public final class MappingPage {
  private final WebDriver driver;
  private final WebDriverWait wait;

  public MappingPage(WebDriver driver) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  /** Opens the page; it asks for the admin token first. */
  public MappingPage open(String switchboardBase) {
    driver.get(switchboardBase + "/admin/mapping/");
    awaitOpen("#token-dialog");
    return this;
  }

  /** Types the token and the name into the prompt and submits it with the Enter key. */
  public MappingPage signIn(String token, String name) {
    WebElement input = find("#token-input");
    wait.until(d -> input.equals(d.switchTo().activeElement()));
    input.sendKeys(token, Keys.TAB, name, Keys.ENTER);
    wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
    return this;
  }

  public MappingPage chooseConnection(String id) {
    new Select(find("#connection")).selectByValue(id);
    wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-connection", id));
    return this;
  }

  public int version() {
    return Integer.parseInt(find("body").getAttribute("data-version"));
  }

  /** Adds an empty row and returns its index. */
  public int addMapping() {
    find("#add-row").click();
    return rows().size() - 1;
  }

  public List<WebElement> rows() {
    return driver.findElements(By.cssSelector("#mapping-rows tr.mapping-row"));
  }

  /** Chooses a value in a row's control: bridge, crm ("ticket:cf.X"), direction, transform... */
  public MappingPage choose(int row, String control, String value) {
    new Select(control(row, control)).selectByValue(value);
    return this;
  }

  /** Types into one of a row's transform parameters (e.g. "values", "scale"). */
  public MappingPage parameter(int row, String name, String text) {
    WebElement input = rows().get(row).findElement(By.cssSelector("[data-param='" + name + "']"));
    input.clear();
    input.sendKeys(text);
    return this;
  }

  public WebElement control(int row, String control) {
    return rows().get(row).findElement(By.cssSelector("[data-control='" + control + "']"));
  }

  /** The problems shown on a row, in order. */
  public List<String> problems(int row) {
    return rows().get(row).findElements(By.cssSelector(".field-problem")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /** The data-control of the focused element ("transform", ...), or its id. */
  public String focused() {
    WebElement active = driver.switchTo().activeElement();
    String control = active.getAttribute("data-control");
    return control != null ? control : active.getAttribute("id");
  }

  public MappingPage validate() {
    find("#validate").click();
    return this;
  }

  /** Saves with a comment and waits until the page shows the version it made. */
  public int save(String comment) {
    int before = version();
    WebElement box = find("#save-comment");
    box.clear();
    box.sendKeys(comment);
    find("#save").click();
    awaitVersionAfter(before);
    return version();
  }

  /** Waits until the live region says something containing {@code text}; fails on an alert. */
  public String awaitAnnouncement(String text) {
    wait.until(
        d -> {
          WebElement alert = find("#alert");
          if (alert.isDisplayed()) {
            throw new AssertionError("the page shows an error: " + alert.getText());
          }
          return find("#announcer").getText().contains(text);
        });
    return find("#announcer").getText();
  }

  /** Finds a customer by name and runs a dry run of the rows on the page for them. */
  public List<List<String>> dryRun(String query) {
    WebElement search = find("#customer-query");
    search.clear();
    search.sendKeys(query, Keys.ENTER);
    WebElement first =
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#customer-list input")));
    first.sendKeys(Keys.SPACE);
    find("#run-dry-run").click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dry-run-result")));
    return driver.findElements(By.cssSelector("#dry-run-rows tr")).stream()
        .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
        .toList();
  }

  /** The version numbers in the versions table, newest first. */
  public List<Integer> versions() {
    return driver.findElements(By.cssSelector("#version-rows tr")).stream()
        .map(tr -> Integer.parseInt(tr.getAttribute("data-version")))
        .toList();
  }

  /** The changes the diff shows between two versions, one text per change. */
  public List<String> diff(int from, int to) {
    new Select(find("#diff-from")).selectByValue(String.valueOf(from));
    new Select(find("#diff-to")).selectByValue(String.valueOf(to));
    find("#diff-form button[type='submit']").click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("diff-result")));
    return driver.findElements(By.cssSelector("#diff-changes li")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /** Asks to roll back to a version and confirms in the dialog; returns the version it made. */
  public int rollBackTo(int version) {
    int before = version();
    find("#version-rows tr[data-version='" + version + "'] button.rollback").click();
    awaitOpen("#rollback-dialog");
    find("#rollback-confirm").click();
    awaitVersionAfter(before);
    return version();
  }

  /** Imports a file through the file picker; returns the problems the page lists (none: saved). */
  public List<String> importFile(Path file) {
    int before = version();
    find("#import-file").sendKeys(file.toAbsolutePath().toString());
    find("#import-form button[type='submit']").click();
    wait.until(d -> find("#import-problems").isDisplayed() || version() > before);
    return driver.findElements(By.cssSelector("#import-problems li")).stream()
        .map(WebElement::getText)
        .toList();
  }

  public MappingPage language(String lang) {
    new Select(find("#language")).selectByValue(lang);
    wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", lang));
    return this;
  }

  public String direction() {
    return find("html").getAttribute("dir");
  }

  public String text(String css) {
    return find(css).getText();
  }

  private void awaitVersionAfter(int before) {
    wait.until(
        d -> {
          WebElement alert = find("#alert");
          if (alert.isDisplayed()) {
            throw new AssertionError("the page shows an error: " + alert.getText());
          }
          List<String> problems =
              d.findElements(By.cssSelector(".field-problem")).stream()
                  .map(WebElement::getText)
                  .toList();
          if (!problems.isEmpty()) {
            throw new AssertionError("the page shows problems: " + problems);
          }
          return version() > before;
        });
  }

  private void awaitOpen(String dialog) {
    wait.until(d -> "true".equals(find(dialog).getDomProperty("open")));
  }

  private WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }
}
