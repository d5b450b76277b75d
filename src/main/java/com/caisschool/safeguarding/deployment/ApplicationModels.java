package com.caisschool.safeguarding.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The application's own models, decision tables and forms ({@code processes/} and {@code forms/}
 * on the classpath), by the stable resource name they are deployed under ({@code processes/x.bpmn},
 * {@code forms/x.form}), whether the application runs from a jar or from classes.
 */
public final class ApplicationModels {

  private static final String[] PATTERNS = {
      "classpath*:processes/*.bpmn", "classpath*:processes/*.dmn", "classpath*:forms/*.form"};

  private ApplicationModels() {}

  /** Every file, read now. A name found twice on the classpath keeps the last one found (as a deployment does). */
  public static Map<String, byte[]> read() {
    var resolver = new PathMatchingResourcePatternResolver();
    Map<String, byte[]> files = new LinkedHashMap<>();
    try {
      for (String pattern : PATTERNS) {
        String folder = pattern.substring("classpath*:".length(), pattern.indexOf('/') + 1);
        for (Resource resource : resolver.getResources(pattern)) {
          try (InputStream in = resource.getInputStream()) {
            files.put(folder + resource.getFilename(), in.readAllBytes());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The application's models cannot be read", e);
    }
    return files;
  }
}
