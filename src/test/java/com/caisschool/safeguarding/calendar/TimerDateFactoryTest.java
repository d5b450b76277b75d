package com.caisschool.safeguarding.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import java.util.ServiceLoader;
import javax.xml.datatype.DatatypeFactory;
import org.junit.jupiter.api.Test;

/**
 * The running application names the Java runtime's own XML date factory, which Camunda makes for
 * every timer's due date, so that Java no longer searches the class path for another each time;
 * and no jar offers another, so the factory is the one the search found before.
 */
@ApplicationTest
class TimerDateFactoryTest {

  @Test
  void theRuntimesOwnFactoryIsNamedAndNoJarOffersAnother() throws Exception {
    assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY))
        .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    assertThat(ServiceLoader.load(DatatypeFactory.class)).as("a jar offering another factory").isEmpty();
    assertThat(DatatypeFactory.newInstance().getClass().getName())
        .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
  }
}
