package com.caisschool.safeguarding.casefile;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * A case file as a PDF document: the school's letterhead ({@code safeguarding.case-file.letterhead}),
 * a title, what it covers, and the chronology as a table; on every page a footer with who exported
 * it and when, the confidentiality line and "Page x of y". Names are often Chinese, so the text is
 * set in the font {@code safeguarding.case-file.pdf-font} (a font file with Chinese characters,
 * embedded in the document); without it, in Helvetica, which has none.
 */
@Component
class CaseFilePdf {

  private static final Logger log = LoggerFactory.getLogger(CaseFilePdf.class);

  private final CaseFileProperties rules;
  /** Read on the first export, not at start-up: the font file is large (a Chinese font collection). */
  private final SingletonSupplier<Fonts> fonts;

  CaseFilePdf(CaseFileProperties rules) {
    this.rules = rules;
    String fontFile = rules.pdfFont();
    boolean readable = fontFile != null && Files.isReadable(Path.of(fontFile.replaceFirst(",\\d+$", "")));
    if (!readable) {
      log.warn("PDF font {} not found: exported case files cannot show Chinese characters", fontFile);
    }
    this.fonts = SingletonSupplier.of(() -> Fonts.of(readable ? fontFile : null));
  }

  /** The document's font (embedded) and its sizes. */
  private record Fonts(BaseFont base, Font letterhead, Font title, Font text, Font heading) {

    /** The font file's font, or Helvetica without one. */
    static Fonts of(String fontFile) {
      try {
        BaseFont base = fontFile != null ? BaseFont.createFont(fontFile, BaseFont.IDENTITY_H, BaseFont.EMBEDDED)
            : BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        return new Fonts(base, new Font(base, 13, Font.BOLD), new Font(base, 16, Font.BOLD), new Font(base, 9),
            new Font(base, 9, Font.BOLD));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (DocumentException e) {
        throw new IllegalStateException("Unusable PDF font " + fontFile, e);
      }
    }
  }

  /**
   * @param exported who exported it and when (school time, zone named), repeated in every page's footer
   * @param zoneName the time zone the times are in, named under the title
   */
  byte[] render(String title, List<String> coverLines, List<CaseFileView.Line> lines, String exported,
      String zoneName) {
    Fonts fonts = this.fonts.obtain();
    Font letterheadFont = fonts.letterhead();
    Font titleFont = fonts.title();
    Font textFont = fonts.text();
    Font headingFont = fonts.heading();
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 60);
    PdfWriter writer = PdfWriter.getInstance(document, pdf);
    writer.setPageEvent(new Footer(exported, fonts));
    document.addTitle(title);
    document.open();
    for (int i = 0; i < rules.letterhead().size(); i++) {
      document.add(new Paragraph(rules.letterhead().get(i), i == 0 ? letterheadFont : textFont));
    }
    document.add(new Paragraph(" "));
    document.add(new Paragraph(title, titleFont));
    coverLines.forEach(line -> document.add(new Paragraph(line, textFont)));
    document.add(new Paragraph("Times are " + zoneName + ".", textFont));
    document.add(new Paragraph(" "));

    PdfPTable table = new PdfPTable(new float[] {0.6f, 2.2f, 1.8f, 1.8f, 2f, 3f, 6f, 3f});
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    for (String heading : List.of("#", "When", "Case", "Who", "What", "Step", "Recorded", "Reason")) {
      PdfPCell cell = new PdfPCell(new Phrase(heading, headingFont));
      cell.setHorizontalAlignment(Element.ALIGN_LEFT);
      table.addCell(cell);
    }
    for (CaseFileView.Line line : lines) {
      for (String text : List.of(String.valueOf(line.number()), line.when(), line.caseReference(), line.who(),
          line.what(), line.step(), line.details(), line.reason())) {
        table.addCell(new Phrase(text, textFont));
      }
    }
    document.add(table);
    document.close();
    return pdf.toByteArray();
  }

  /** Every page's foot: who exported it and when, the confidentiality line, "Page x of y". */
  private final class Footer extends PdfPageEventHelper {

    private final String exported;
    private final Fonts fonts;
    private PdfTemplate pageCount;

    Footer(String exported, Fonts fonts) {
      this.exported = exported;
      this.fonts = fonts;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
      pageCount = writer.getDirectContent().createTemplate(40, 12);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      PdfContentByte canvas = writer.getDirectContent();
      Rectangle page = document.getPageSize();
      float left = document.left();
      ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(rules.confidentialityLine(), fonts.heading()),
          left, 36, 0);
      ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(exported, fonts.text()), left, 24, 0);
      // "Page x of" then, a space further on, the total, written when the document closes.
      float right = page.getRight(document.rightMargin()) - 40;
      ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, new Phrase("Page " + writer.getPageNumber() + " of",
          fonts.text()), right, 24, 0);
      canvas.addTemplate(pageCount, right + 3, 24);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
      pageCount.beginText();
      pageCount.setFontAndSize(fonts.base(), 9);
      pageCount.setTextMatrix(0, 0);
      pageCount.showText(String.valueOf(writer.getPageNumber() - 1));
      pageCount.endText();
    }
  }
}
