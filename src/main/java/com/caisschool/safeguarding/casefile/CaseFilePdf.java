package com.caisschool.safeguarding.casefile;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A case file as a PDF document: a title, what it covers, and the chronology as a table. Names are
 * often Chinese, so the text is set in the font {@code safeguarding.case-file.pdf-font} (a font file
 * with Chinese characters, embedded in the document); without it, in Helvetica, which has none.
 */
@Component
class CaseFilePdf {

  private static final Logger log = LoggerFactory.getLogger(CaseFilePdf.class);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Font titleFont;
  private final Font textFont;
  private final Font headingFont;

  CaseFilePdf(CaseFileProperties rules) {
    BaseFont base = baseFont(rules.pdfFont());
    this.titleFont = new Font(base, 16, Font.BOLD);
    this.textFont = new Font(base, 9);
    this.headingFont = new Font(base, 9, Font.BOLD);
  }

  private static BaseFont baseFont(String fontFile) {
    try {
      String file = fontFile == null ? "" : fontFile.replaceFirst(",\\d+$", "");
      if (!file.isBlank() && Files.isReadable(Path.of(file))) {
        return BaseFont.createFont(fontFile, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
      }
      log.warn("PDF font {} not found: exported case files cannot show Chinese characters", fontFile);
      return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (DocumentException e) {
      throw new IllegalStateException("Unusable PDF font " + fontFile, e);
    }
  }

  byte[] render(String title, List<String> coverLines, List<ChronologyEntry> entries, ZoneId zone) {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
    PdfWriter.getInstance(document, pdf);
    document.addTitle(title);
    document.open();
    document.add(new Paragraph(title, titleFont));
    coverLines.forEach(line -> document.add(new Paragraph(line, textFont)));
    document.add(new Paragraph("Confidential: child-protection record. Do not copy or forward.", headingFont));
    document.add(new Paragraph(" "));

    PdfPTable table = new PdfPTable(new float[] {2.2f, 1.8f, 1.6f, 1.8f, 3f, 6f, 3f});
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    for (String heading : List.of("When", "Case", "Who", "What", "Step", "Recorded", "Reason")) {
      PdfPCell cell = new PdfPCell(new Phrase(heading, headingFont));
      cell.setHorizontalAlignment(Element.ALIGN_LEFT);
      table.addCell(cell);
    }
    for (ChronologyEntry entry : entries) {
      table.addCell(new Phrase(WHEN.format(entry.occurredAt().atZone(zone)), textFont));
      table.addCell(new Phrase(entry.caseReference(), textFont));
      table.addCell(new Phrase(entry.actor(), textFont));
      table.addCell(new Phrase(entry.kind().name().replace('_', ' ').toLowerCase()
          + (entry.correctsEntryId() != null ? " of entry " + entry.correctsEntryId() : ""), textFont));
      table.addCell(new Phrase(entry.stepName() != null ? entry.stepName() : orEmpty(entry.stepId()), textFont));
      table.addCell(new Phrase(orEmpty(entry.details()), textFont));
      table.addCell(new Phrase(orEmpty(entry.reason()), textFont));
    }
    document.add(table);
    document.close();
    return pdf.toByteArray();
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
