package com.caisschool.safeguarding.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.WebappSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One child with more cases than fit on a page (60 closed cases a year back, one chronology entry
 * each and a correction), five of them about {@code walledOff}; and what the case list and the
 * child's page must show of them, page by page, to a person who may see all and to the one they
 * are about. Written straight into the case file's tables (as the case file records them), so
 * that the pages and their order are known exactly. Used on H2 and on PostgreSQL.
 */
final class PagedCaseFile {

  static final int CASES = 60;
  static final int PAGE_SIZE = 50;
  /** The cases about {@code walledOff}: the second oldest, and others on both pages. */
  private static final Set<Integer> WALLED = Set.of(1, 17, 29, 41, 53);
  private static final Pattern CASE_ROW = Pattern.compile("<tr class=\"case\">\\s*<td><a href=\"/casefile/cases/([^\"]+)\"");
  private static final Pattern ENTRY_ROW = Pattern.compile(
      "<tr class=\"entry\">\\s*<td>(\\d+)</td>\\s*<td>[^<]*</td>\\s*<td><a href=\"/casefile/cases/([^\"]+)\"");
  private static final Pattern NEXT = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"");

  final String childName;
  final long childId;
  final String walledOff;
  /** Every reference, newest first (the order of the case list). */
  final List<String> newestFirst;

  private PagedCaseFile(String childName, long childId, String walledOff, List<String> newestFirst) {
    this.childName = childName;
    this.childId = childId;
    this.walledOff = walledOff;
    this.newestFirst = newestFirst;
  }

  static PagedCaseFile filed(Children children, CaseFiles caseFiles, Chronology chronology, JdbcTemplate jdbc,
      String walledOff) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String name = "Paging " + tag.replaceAll("[0-9]", "x") + "-Testchild";
    Instant first = Instant.now().minus(Duration.ofDays(400)).truncatedTo(ChronoUnit.SECONDS);
    long childId = children.findOrAdd(null, name, "Grade 3", first);
    List<String> oldestFirst = new ArrayList<>();
    long correctedEntry = 0;
    for (int i = 0; i < CASES; i++) {
      String reference = "SC-PAGE-" + tag + "-" + String.format("%02d", i);
      String process = "paging-" + tag + "-" + i;
      Instant opened = first.plus(Duration.ofMinutes(i));
      caseFiles.opened(process, reference, "safeguarding-concern", childId, i % 2 == 0 ? "neglect" : "physical-abuse",
          false, opened);
      caseFiles.closed(process, opened.plus(Duration.ofHours(1)));
      chronology.append(ChronologyEntry.of(reference, process, opened, "teacher", EntryKind.REPORT, null, null,
          "Report " + i, null));
      if (WALLED.contains(i)) {
        jdbc.update("insert into case_subject (case_reference, user_id, group_id, named_at) values (?, ?, '', ?)",
            reference, walledOff, Timestamp.from(opened));
      }
      if (i == 2) {
        correctedEntry = chronology.ofCase(reference).get(0).id();
      }
      oldestFirst.add(reference);
    }
    // The newest entry of all corrects the third oldest (the second oldest the walled-off person sees).
    chronology.append(new ChronologyEntry(0, oldestFirst.get(2), "paging-" + tag + "-2",
        first.plus(Duration.ofDays(1)), "cpo", EntryKind.CORRECTION, null, null, "Corrected", "A typing error",
        correctedEntry));
    return new PagedCaseFile(name, childId, walledOff, reversed(oldestFirst));
  }

  /** The references {@code user} may see, newest first. */
  List<String> visibleTo(String user) {
    return IntStream.range(0, CASES).filter(i -> !(user.equals(walledOff) && WALLED.contains(CASES - 1 - i)))
        .mapToObj(newestFirst::get).toList();
  }

  List<String> hiddenFrom(String user) {
    return user.equals(walledOff) ? WALLED.stream().map(i -> newestFirst.get(CASES - 1 - i)).toList() : List.of();
  }

  String search() {
    return "/casefile?child=" + URLEncoder.encode(childName, StandardCharsets.UTF_8);
  }

  /**
   * The case list, narrowed to the child, page after page by its next links: the cases the user
   * may see, newest first, 50 and then the rest; none hidden from them on any page.
   */
  void assertCaseListPages(WebappSession session, String user) {
    List<String> expected = visibleTo(user);
    WebappSession.Reply first = session.page(search());
    assertThat(first.status()).isEqualTo(200);
    assertThat(references(first.body())).as(user + " page 1").containsExactlyElementsOf(expected.subList(0, PAGE_SIZE));
    assertThat(first.body()).doesNotContain("rel=\"prev\"").contains("Page 1");
    String next = nextLink(first.body());
    assertThat(next).contains("page=2").contains("child=");
    WebappSession.Reply second = session.page(next);
    assertThat(references(second.body())).as(user + " page 2")
        .containsExactlyElementsOf(expected.subList(PAGE_SIZE, expected.size()));
    assertThat(second.body()).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
    for (String hidden : hiddenFrom(user)) {
      assertThat(first.body() + second.body()).as(user + " never sees " + hidden).doesNotContain(hidden);
    }
    WebappSession.Reply beyond = session.page(search() + "&page=3");
    assertThat(beyond.status()).isEqualTo(200);
    assertThat(references(beyond.body())).isEmpty();
    assertThat(beyond.body()).contains("No more cases on this page");
  }

  /**
   * The child's chronology, oldest first, numbered across pages as the user sees it; the
   * correction on the last page names the entry it corrects on the first by its number there.
   */
  void assertChronologyPages(WebappSession session, String user) {
    List<String> oldestFirst = reversed(visibleTo(user));
    int entries = oldestFirst.size() + 1;
    String childPage = "/casefile/children/" + childId;
    WebappSession.Reply first = session.page(childPage);
    assertThat(first.status()).isEqualTo(200);
    List<String[]> firstRows = entryRows(first.body());
    assertThat(firstRows).extracting(row -> row[1]).containsExactlyElementsOf(oldestFirst.subList(0, PAGE_SIZE));
    assertThat(firstRows).extracting(row -> row[0]).containsExactlyElementsOf(numbers(1, PAGE_SIZE));
    assertThat(first.body()).contains("Page 1 of 2").contains("rel=\"next\"");
    WebappSession.Reply second = session.page(childPage + "?page=2");
    List<String[]> secondRows = entryRows(second.body());
    assertThat(secondRows).extracting(row -> row[0]).containsExactlyElementsOf(numbers(PAGE_SIZE + 1, entries));
    List<String> shownOnSecond = new ArrayList<>(oldestFirst.subList(PAGE_SIZE, oldestFirst.size()));
    shownOnSecond.add(newestFirst.get(CASES - 1 - 2));
    assertThat(secondRows).extracting(row -> row[1]).containsExactlyElementsOf(shownOnSecond);
    int correctedNumber = oldestFirst.indexOf(newestFirst.get(CASES - 1 - 2)) + 1;
    assertThat(second.body()).contains("Correction of entry " + correctedNumber).contains("Page 2 of 2")
        .doesNotContain("rel=\"next\"");
    for (String hidden : hiddenFrom(user)) {
      assertThat(first.body() + second.body()).as(user + " never sees " + hidden).doesNotContain(hidden);
    }
    WebappSession.Reply beyond = session.page(childPage + "?page=3");
    assertThat(beyond.status()).isEqualTo(400);
    assertThat(beyond.body()).contains("This child's chronology has 2 pages.");
  }

  static List<String> references(String casesPage) {
    List<String> found = new ArrayList<>();
    Matcher row = CASE_ROW.matcher(casesPage);
    while (row.find()) {
      found.add(row.group(1));
    }
    return found;
  }

  /** The case list's rows, each as shown (one process of a case). */
  static List<String> rows(String casesPage) {
    List<String> found = new ArrayList<>();
    Matcher row = Pattern.compile("<tr class=\"case\">.*?</tr>", Pattern.DOTALL).matcher(casesPage);
    while (row.find()) {
      found.add(row.group());
    }
    return found;
  }

  private static List<String[]> entryRows(String childPage) {
    List<String[]> found = new ArrayList<>();
    Matcher row = ENTRY_ROW.matcher(childPage);
    while (row.find()) {
      found.add(new String[] {row.group(1), row.group(2)});
    }
    return found;
  }

  static String nextLink(String page) {
    Matcher next = NEXT.matcher(page);
    assertThat(next.find()).as("a next link").isTrue();
    return next.group(1).replace("&amp;", "&");
  }

  private static List<String> reversed(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private static List<String> numbers(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(String::valueOf).toList();
  }
}
