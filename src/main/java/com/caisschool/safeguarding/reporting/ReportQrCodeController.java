package com.caisschool.safeguarding.reporting;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The poster QR code at stable addresses: {@code /report/qr.png} and {@code /report/qr.svg}. */
@RestController
class ReportQrCodeController {

  private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");
  private final ReportQrCodes codes;

  ReportQrCodeController(ReportQrCodes codes) {
    this.codes = codes;
  }

  @GetMapping("/report/qr.png")
  ResponseEntity<byte[]> png() {
    return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(codes.png());
  }

  @GetMapping("/report/qr.svg")
  ResponseEntity<String> svg() {
    return ResponseEntity.ok().contentType(SVG)
        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(codes.svg());
  }
}
