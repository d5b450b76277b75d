package com.caisschool.safeguarding.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What a logger (and those below it) logged at DEBUG while a call ran, on any thread, kept in a
 * list only: the events do not reach the run's log files, which never get SQL parameters or case
 * details (LogsHoldNoCaseDetailsTest). The logger's level and additivity are put back afterwards.
 */
final class LoggedDuring {

  private LoggedDuring() {}

  static List<ILoggingEvent> debug(String loggerName, Runnable call) {
    Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
    Level before = logger.getLevel();
    boolean additive = logger.isAdditive();
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    logger.addAppender(logged);
    logger.setAdditive(false);
    logger.setLevel(Level.DEBUG);
    try {
      call.run();
    } finally {
      logger.setLevel(before);
      logger.setAdditive(additive);
      logger.detachAppender(logged);
    }
    return List.copyOf(logged.list);
  }
}
