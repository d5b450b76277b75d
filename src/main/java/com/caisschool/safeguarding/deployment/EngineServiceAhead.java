package com.caisschool.safeguarding.deployment;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * One of the engine's services (RuntimeService, TaskService, ...) as a bean that can be given
 * before the engine is built ({@link EngineBuiltAhead}): a bean that takes a service is made without
 * waiting for the build, and the service's first call waits for it, then every call goes to the
 * engine's own service. So the main thread goes on making the application while the engine is
 * built, and waits only where something uses the engine.
 */
final class EngineServiceAhead implements InvocationHandler {

  private final Class<?> type;
  private final Supplier<?> service;
  private volatile Object target;

  private EngineServiceAhead(Class<?> type, Supplier<?> service) {
    this.type = type;
    this.service = service;
  }

  /** The service of the given type, read from the engine (as built) at the first call. */
  static <T> T of(Class<T> type, Supplier<? extends T> service) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        new EngineServiceAhead(type, service)));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> "The engine's " + type.getSimpleName();
      };
    }
    try {
      return method.invoke(target(), args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** The engine's own service (waits for the build the first time). */
  Object target() {
    Object known = target;
    if (known == null) {
      known = service.get();
      target = known;
    }
    return known;
  }
}
