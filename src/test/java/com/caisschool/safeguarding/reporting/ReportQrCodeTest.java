package com.caisschool.safeguarding.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The poster QR code, fetched from the running application, decodes to the configured page address. */
@ApplicationTest
class ReportQrCodeTest {

  private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
  private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

  @LocalServerPort int port;
  @Value("${safeguarding.public-base-url}") String publicBaseUrl;

  @Test
  void pngDecodesToThePublicReportPage() throws Exception {
    byte[] png = new ReportPage(port).bytes("/report/qr.png");

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));

    assertThat(image).as("a PNG image").isNotNull();
    assertThat(decode(image).getText()).isEqualTo(publicBaseUrl + "/report");
  }

  @Test
  void svgDecodesToThePublicReportPage() throws Exception {
    String svg = new String(new ReportPage(port).bytes("/report/qr.svg"), StandardCharsets.UTF_8);
    assertThat(svg).startsWith("<?xml").contains("<svg xmlns=\"http://www.w3.org/2000/svg\"");

    // Draw the SVG's modules as a printer would, then read the picture back.
    Matcher box = VIEW_BOX.matcher(svg);
    assertThat(box.find()).isTrue();
    int scale = 8;
    BufferedImage image = new BufferedImage(Integer.parseInt(box.group(1)) * scale,
        Integer.parseInt(box.group(2)) * scale, BufferedImage.TYPE_INT_RGB);
    Graphics2D pen = image.createGraphics();
    pen.setColor(Color.WHITE);
    pen.fillRect(0, 0, image.getWidth(), image.getHeight());
    pen.setColor(Color.BLACK);
    Matcher module = MODULE.matcher(svg);
    while (module.find()) {
      pen.fillRect(Integer.parseInt(module.group(1)) * scale, Integer.parseInt(module.group(2)) * scale, scale, scale);
    }
    pen.dispose();

    assertThat(decode(image).getText()).isEqualTo(publicBaseUrl + "/report");
  }

  @Test
  void theAddressIsTakenFromConfigurationNotFromTheRequest() throws Exception {
    assertThat(new ReportQrCodes("https://report.example.invalid/").target())
        .isEqualTo("https://report.example.invalid/report");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(
        new ReportQrCodes("https://report.example.invalid").png()));
    assertThat(decode(image).getText()).isEqualTo("https://report.example.invalid/report");
  }

  private static Result decode(BufferedImage image) throws NotFoundException, Exception {
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))));
  }
}
