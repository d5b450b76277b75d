package com.caisschool.safeguarding.browser;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Without Chromium the browser suite fails and says what to install; it never skips itself. */
class BrowserInstalledTest {

  @Test
  void aMissingBrowserFailsWithTheInstallCommand() {
    assertThatThrownBy(() -> Browser.requireInstalled(Path.of("/nonexistent/chromium"), Browser.CHROMEDRIVER))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("apt-get install -y chromium chromium-driver");
    assertThatThrownBy(() -> Browser.requireInstalled(Browser.CHROMIUM, Path.of("/nonexistent/chromedriver")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("/nonexistent/chromedriver");
  }
}
