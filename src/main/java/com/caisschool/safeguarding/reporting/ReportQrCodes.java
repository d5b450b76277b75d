package com.caisschool.safeguarding.reporting;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.util.function.SingletonSupplier;

/**
 * The QR code for posters: it encodes the public report page's address, made once from
 * {@code safeguarding.public-base-url}. PNG for printing as is, SVG for any size.
 */
class ReportQrCodes {

  private static final int PNG_SIZE = 600;
  // Medium error correction survives a worn poster; a quiet zone of 4 modules as the standard asks.
  private static final Map<EncodeHintType, Object> HINTS = Map.of(EncodeHintType.ERROR_CORRECTION,
      ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4, EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
  private final String target;
  private final BitMatrix matrix;
  private final String svg;
  /**
   * Drawn for the first poster that asks for it, not at start-up: drawing a PNG starts Java's
   * imaging (a few hundred classes) that nothing else at start-up needs. The address was already
   * checked to fit a QR code.
   */
  private final SingletonSupplier<byte[]> png = SingletonSupplier.of(this::drawPng);

  ReportQrCodes(String publicBaseUrl) {
    this.target = publicBaseUrl.replaceAll("/+$", "") + "/report";
    this.matrix = encode(0);
    this.svg = svg(matrix);
  }

  private BitMatrix encode(int size) {
    try {
      return new QRCodeWriter().encode(target, BarcodeFormat.QR_CODE, size, size, HINTS);
    } catch (WriterException e) {
      throw new IllegalStateException("The report page address cannot be put in a QR code", e);
    }
  }

  private byte[] drawPng() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      MatrixToImageWriter.writeToStream(encode(PNG_SIZE), "PNG", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  String target() {
    return target;
  }

  byte[] png() {
    return png.obtain().clone();
  }

  String svg() {
    return svg;
  }

  /** One square path per dark module, on a white background; crisp at any size. */
  private static String svg(BitMatrix matrix) {
    int width = matrix.getWidth();
    int height = matrix.getHeight();
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (matrix.get(x, y)) {
          path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height
        + "\" width=\"" + width * 10 + "\" height=\"" + height * 10 + "\" shape-rendering=\"crispEdges\">"
        + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        + "<path fill=\"#000\" d=\"" + path + "\"/></svg>\n";
  }
}
