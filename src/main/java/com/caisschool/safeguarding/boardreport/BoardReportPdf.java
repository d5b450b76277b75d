package com.caisschool.safeguarding.boardreport;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The board report as a PDF: one table per section, the suppression rule stated on the page. */
@Component
class BoardReportPdf {

  byte[] render(int year, Map<String, List<Cell>> sections) {
    Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    Font text = FontFactory.getFont(FontFactory.HELVETICA, 9);
    var out = new ByteArrayOutputStream();
    Document document = new Document();
    PdfWriter.getInstance(document, out);
    document.open();
    document.add(new Paragraph("Annual safeguarding report " + year, title));
    document.add(new Paragraph("Figures only: no names, references or facts. Counts from 1 to the"
        + " configured threshold are shown as 'fewer than' so that no child can be identified.", text));
    for (Map.Entry<String, List<Cell>> section : sections.entrySet()) {
      Paragraph sectionTitle = new Paragraph(section.getKey(), heading);
      sectionTitle.setSpacingBefore(10);
      document.add(sectionTitle);
      PdfPTable table = new PdfPTable(new float[] {3, 1});
      table.setWidthPercentage(100);
      table.setSpacingBefore(4);
      for (Cell cell : section.getValue()) {
        table.addCell(new com.lowagie.text.Phrase(cell.label(), text));
        table.addCell(new com.lowagie.text.Phrase(cell.shown(), text));
      }
      document.add(table);
    }
    document.close();
    return out.toByteArray();
  }
}
