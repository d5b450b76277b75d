package com.caisschool.safeguarding.notification;

/** Delivers notifications; a failure throws, so the engine retries and finally raises an incident. */
public interface Notifier {

  void send(Notification notification);
}
