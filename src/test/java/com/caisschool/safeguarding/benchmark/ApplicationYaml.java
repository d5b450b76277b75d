package com.caisschool.safeguarding.benchmark;

import java.util.Properties;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The application's own defaults (application.yaml), which the benchmark gives bare Camunda too
 * where both sides must run alike: the school's deadlines, the embedded database's settings.
 */
final class ApplicationYaml {

  private static final Properties PROPERTIES = read();

  private ApplicationYaml() {
  }

  static Properties properties() {
    return PROPERTIES;
  }

  /**
   * An in-memory H2 database with the embedded default's settings (everything after the first
   * {@code ;} of {@code spring.datasource.url}, such as its statement cache), kept open while the JVM
   * runs. Both sides of the start-up and full-case measures run on one of these.
   */
  static String inMemoryDatabase(String name) {
    String embedded = PROPERTIES.getProperty("spring.datasource.url");
    int settings = embedded.indexOf(';');
    return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + (settings < 0 ? "" : embedded.substring(settings));
  }

  private static Properties read() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yaml"));
    return yaml.getObject();
  }
}
