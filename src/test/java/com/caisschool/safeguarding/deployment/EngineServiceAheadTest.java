package com.caisschool.safeguarding.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.junit.jupiter.api.Test;

/**
 * A service of the engine given before the engine is built ({@link EngineServiceAhead}): made
 * without the engine, it asks for the engine's service at its first call only, once, and every call
 * goes to that service, its errors unchanged.
 */
class EngineServiceAheadTest {

  @Test
  void theEngineIsAskedForAtTheFirstCallOnlyAndOnce() {
    AtomicInteger asked = new AtomicInteger();
    IdentityService own = new IdentityServiceImpl() {
      @Override
      public boolean isReadOnly() {
        return true;
      }
    };
    IdentityService service = EngineServiceAhead.of(IdentityService.class, () -> {
      asked.incrementAndGet();
      return own;
    });
    // Made, compared and named without the engine.
    assertThat(service).isEqualTo(service).hasSameHashCodeAs(service);
    assertThat(service.toString()).contains("IdentityService");
    assertThat(asked).hasValue(0);

    assertThat(service.isReadOnly()).isTrue();
    assertThat(service.isReadOnly()).isTrue();
    assertThat(asked).hasValue(1);
  }

  @Test
  void theServicesErrorsComeThroughUnchanged() {
    IdentityService own = new IdentityServiceImpl() {
      @Override
      public void deleteUser(String userId) {
        throw new ProcessEngineException("ENGINE-03029 refused: " + userId);
      }
    };
    IdentityService service = EngineServiceAhead.of(IdentityService.class, () -> own);
    assertThatThrownBy(() -> service.deleteUser("demo")).isExactlyInstanceOf(ProcessEngineException.class)
        .hasMessage("ENGINE-03029 refused: demo");
  }
}
