package com.caisschool.safeguarding.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the school calendar's YAML ({@code weekend}, {@code term-breaks-are-working-days},
 * {@code terms}, {@code holidays}, {@code make-up-working-days}; see the built-in example). A
 * mistake is refused with a message naming the entry, never half read.
 */
final class CalendarFile {

  private CalendarFile() {}

  static CalendarData parse(String yaml) {
    LoaderOptions options = new LoaderOptions();
    Object root = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
        options, new DatesAsText()).load(yaml);
    if (!(root instanceof Map<?, ?> settings)) {
      throw new IllegalArgumentException("The school calendar is empty or not a YAML map");
    }
    for (Object key : settings.keySet()) {
      if (!Set.of("weekend", "term-breaks-are-working-days", "terms", "holidays", "make-up-working-days").contains(key)) {
        throw new IllegalArgumentException("The school calendar has an unknown setting: " + key);
      }
    }
    return new CalendarData(weekend(settings.get("weekend")),
        !Boolean.FALSE.equals(settings.get("term-breaks-are-working-days")),
        periods(settings.get("terms"), "terms"), periods(settings.get("holidays"), "holidays"),
        periods(settings.get("make-up-working-days"), "make-up-working-days"));
  }

  private static Set<DayOfWeek> weekend(Object value) {
    if (value == null) {
      return Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    }
    if (!(value instanceof List<?> days)) {
      throw new IllegalArgumentException("weekend must be a list of days such as [SATURDAY, SUNDAY]");
    }
    try {
      return days.stream().map(day -> DayOfWeek.valueOf(String.valueOf(day).trim().toUpperCase(Locale.ROOT)))
          .collect(Collectors.toSet());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("weekend must list days such as SATURDAY, SUNDAY", e);
    }
  }

  private static List<CalendarData.Period> periods(Object value, String section) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> entries)) {
      throw new IllegalArgumentException(section + " must be a list of entries");
    }
    List<CalendarData.Period> periods = new ArrayList<>();
    for (Object entry : entries) {
      if (!(entry instanceof Map<?, ?> fields)) {
        throw new IllegalArgumentException(section + ": each entry needs a name and a date (or from and to)");
      }
      String name = fields.get("name") == null ? null : String.valueOf(fields.get("name"));
      Object from = fields.containsKey("date") ? fields.get("date") : fields.get("from");
      Object to = fields.containsKey("date") ? fields.get("date") : fields.get("to");
      try {
        periods.add(new CalendarData.Period(name, date(from), date(to)));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(section + ": " + name + " has a date that is not YYYY-MM-DD", e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(section + ": " + e.getMessage(), e);
      }
    }
    return periods;
  }

  private static LocalDate date(Object value) {
    return value == null ? null : LocalDate.parse(String.valueOf(value).trim());
  }

  /**
   * Dates stay text, read strictly by {@link LocalDate#parse}: YAML's own timestamps would take
   * 2026-13-40 for a day in 2027 without a word.
   */
  private static final class DatesAsText extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", 10);
      addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
      addImplicitResolver(Tag.NULL, EMPTY, null, 10);
    }
  }
}
