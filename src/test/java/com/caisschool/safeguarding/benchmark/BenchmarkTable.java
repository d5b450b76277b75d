package com.caisschool.safeguarding.benchmark;

import java.util.ArrayList;
import java.util.List;

/** The benchmark's result: one Markdown table, as the README's "Performance" section shows it. */
final class BenchmarkTable {

  record Row(String measure, String application, String bare, String ratio) {}

  private final String title;
  private final List<Row> rows = new ArrayList<>();

  BenchmarkTable(String title) {
    this.title = title;
  }

  void add(String measure, String application, String bare, String ratio) {
    rows.add(new Row(measure, application, bare, ratio));
  }

  List<Row> rows() {
    return List.copyOf(rows);
  }

  String markdown() {
    StringBuilder table = new StringBuilder(title).append("\n\n")
        .append("| measure | application | bare Camunda | app ÷ bare |\n|---|---|---|---|\n");
    rows.forEach(row -> table.append("| ").append(row.measure()).append(" | ").append(row.application())
        .append(" | ").append(row.bare()).append(" | ").append(row.ratio()).append(" |\n"));
    return table.toString();
  }
}
