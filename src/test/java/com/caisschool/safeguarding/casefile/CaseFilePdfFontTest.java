package com.caisschool.safeguarding.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF font is read on the first export, not while the application starts. */
class CaseFilePdfFontTest {

  private static final List<CaseFileView.Line> LINES = List.of(
      new CaseFileView.Line(1, 1, "2026-12-02 09:00", "C-1", "teacher", "Report", "Report a concern", "-", "-"));

  @Test
  void theFontFileIsFirstReadByAnExport(@TempDir Path folder) throws Exception {
    Path notAFont = Files.write(folder.resolve("not-a-font.ttf"), "not a font".getBytes(StandardCharsets.UTF_8));

    // Made as at start-up: the file is there, and nothing has read it yet.
    CaseFilePdf pdf = new CaseFilePdf(properties(notAFont.toString()));

    assertThatThrownBy(() -> pdf.render("Case file", List.of(), LINES, "exported", "Asia/Shanghai"))
        .hasMessageContaining(notAFont.toString());
  }

  @Test
  void withoutTheFontFileAnExportIsSetInHelvetica(@TempDir Path folder) {
    CaseFilePdf pdf = new CaseFilePdf(properties(folder.resolve("missing.ttc").toString() + ",0"));

    byte[] document = pdf.render("Case file", List.of("Cover"), LINES, "exported", "Asia/Shanghai");

    String text = new String(document, StandardCharsets.ISO_8859_1);
    assertThat(text).startsWith("%PDF").contains("/Helvetica");
    // A second export uses the same font.
    assertThat(new String(pdf.render("Case file", List.of(), LINES, "again", "Asia/Shanghai"),
        StandardCharsets.ISO_8859_1)).contains("/Helvetica");
  }

  private static CaseFileProperties properties(String font) {
    return new CaseFileProperties(List.of(), null, List.of(), 25, true, List.of(), font, null, null, List.of(),
        List.of("School"), null, null);
  }
}
