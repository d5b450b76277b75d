package com.caisschool.safeguarding.testing;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine commands that ran in a command context of their own while a call ran, in order, as
 * the engine logs them at DEBUG: each is a transaction of its own when no transaction is open
 * (a command called from inside another one joins it and is not listed).
 */
public final class EngineCommands {

  private static final String COMMANDS = "org.camunda.bpm.engine.cmd";
  private static final Pattern STARTING = Pattern.compile("ENGINE-13005 Starting command -+ (\\S+) -+");
  private static final String OPENING = "ENGINE-13009";

  private EngineCommands() {}

  /** The simple class names of the commands that opened a new command context, on any thread. */
  public static List<String> openedDuring(Runnable call) {
    List<String> opened = new ArrayList<>();
    Map<String, String> startingByThread = new HashMap<>();
    for (ILoggingEvent event : LoggedDuring.debug(COMMANDS, call)) {
      String message = event.getFormattedMessage();
      Matcher starting = STARTING.matcher(message);
      if (starting.find()) {
        startingByThread.put(event.getThreadName(), starting.group(1));
      } else if (message.startsWith(OPENING) && startingByThread.containsKey(event.getThreadName())) {
        opened.add(startingByThread.remove(event.getThreadName()));
      }
    }
    return opened;
  }

  /**
   * The simple class names of every command started while a call ran, on any thread, in order:
   * those of a context of their own and those called from inside another command alike (each of
   * these runs the whole chain of command interceptors, even when it joins the open context).
   */
  public static List<String> startedDuring(Runnable call) {
    List<String> started = new ArrayList<>();
    for (ILoggingEvent event : LoggedDuring.debug(COMMANDS, call)) {
      Matcher starting = STARTING.matcher(event.getFormattedMessage());
      if (starting.find()) {
        started.add(starting.group(1));
      }
    }
    return started;
  }
}
