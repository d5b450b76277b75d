package com.caisschool.safeguarding.casefile;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** A case file as a PDF document: a title, what it covers, and the chronology as a table. */
final class CaseFilePdf {

  private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
  private static final Font SMALL = new Font(Font.HELVETICA, 9);
  private static final Font SMALL_BOLD = new Font(Font.HELVETICA, 9, Font.BOLD);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private CaseFilePdf() {}

  static byte[] render(String title, List<String> coverLines, List<ChronologyEntry> entries, ZoneId zone) {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
    PdfWriter.getInstance(document, pdf);
    document.addTitle(title);
    document.open();
    document.add(new Paragraph(title, TITLE));
    coverLines.forEach(line -> document.add(new Paragraph(line, SMALL)));
    document.add(new Paragraph("Confidential: child-protection record. Do not copy or forward.", SMALL_BOLD));
    document.add(new Paragraph(" "));

    PdfPTable table = new PdfPTable(new float[] {2.2f, 1.8f, 1.6f, 1.8f, 3f, 6f, 3f});
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    for (String heading : List.of("When", "Case", "Who", "What", "Step", "Recorded", "Reason")) {
      PdfPCell cell = new PdfPCell(new Phrase(heading, SMALL_BOLD));
      cell.setHorizontalAlignment(Element.ALIGN_LEFT);
      table.addCell(cell);
    }
    for (ChronologyEntry entry : entries) {
      table.addCell(new Phrase(WHEN.format(entry.occurredAt().atZone(zone)), SMALL));
      table.addCell(new Phrase(entry.caseReference(), SMALL));
      table.addCell(new Phrase(entry.actor(), SMALL));
      table.addCell(new Phrase(entry.kind().name().replace('_', ' ').toLowerCase()
          + (entry.correctsEntryId() != null ? " of entry " + entry.correctsEntryId() : ""), SMALL));
      table.addCell(new Phrase(entry.stepName() != null ? entry.stepName() : orEmpty(entry.stepId()), SMALL));
      table.addCell(new Phrase(orEmpty(entry.details()), SMALL));
      table.addCell(new Phrase(orEmpty(entry.reason()), SMALL));
    }
    document.add(table);
    document.close();
    return pdf.toByteArray();
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
