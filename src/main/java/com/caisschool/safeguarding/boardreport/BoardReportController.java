package com.caisschool.safeguarding.boardreport;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The board's annual safeguarding report as a page with bars, a CSV and a PDF, for the roles in
 * {@code safeguarding.duties.board-report-readers} (WebSecurityConfig). Figures only.
 */
@Controller
class BoardReportController {

  private final BoardReport report;
  private final BoardReportPdf pdf;

  BoardReportController(BoardReport report, BoardReportPdf pdf) {
    this.report = report;
    this.pdf = pdf;
  }

  @GetMapping("/board-report")
  String page(@RequestParam(required = false) Integer year, Model model) {
    int shownYear = checkedYear(year);
    Map<String, List<Cell>> sections = bySection(report.figures(shownYear));
    model.addAttribute("year", shownYear);
    model.addAttribute("sections", sections);
    model.addAttribute("largest", sections.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        entry -> entry.getValue().stream().filter(cell -> cell.count() != null && cell.total() == null)
            .mapToLong(Cell::count).max().orElse(0))));
    return "boardreport/report";
  }

  @GetMapping("/board-report.csv")
  ResponseEntity<byte[]> csv(@RequestParam(required = false) Integer year) {
    int shownYear = checkedYear(year);
    StringBuilder csv = new StringBuilder("section,figure,count,total,shown\n");
    for (Cell cell : report.figures(shownYear)) {
      csv.append(String.join(",", quoted(cell.section()), quoted(cell.label()),
          cell.count() == null ? "" : cell.count().toString(), cell.total() == null ? "" : cell.total().toString(),
          quoted(cell.shown()))).append('\n');
    }
    return download(csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv;charset=UTF-8",
        "board-report-" + shownYear + ".csv");
  }

  @GetMapping("/board-report.pdf")
  ResponseEntity<byte[]> pdf(@RequestParam(required = false) Integer year) {
    int shownYear = checkedYear(year);
    return download(pdf.render(shownYear, bySection(report.figures(shownYear))), MediaType.APPLICATION_PDF_VALUE,
        "board-report-" + shownYear + ".pdf");
  }

  private int checkedYear(Integer year) {
    if (year == null) {
      return report.currentYear();
    }
    if (year < 2000 || year > 2100) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The year must be between 2000 and 2100.");
    }
    return year;
  }

  static Map<String, List<Cell>> bySection(List<Cell> cells) {
    return cells.stream().collect(Collectors.groupingBy(Cell::section, LinkedHashMap::new, Collectors.toList()));
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }

  private static ResponseEntity<byte[]> download(byte[] body, String type, String fileName) {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .body(body);
  }
}
