package com.caisschool.safeguarding.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * One real SMTP server (GreenMail) for the PostgreSQL tests, where email alerts are on as in
 * production. It can be stopped and started again on the same port, as a mail outage.
 */
public final class TestSmtpServer {

  private static TestSmtpServer shared;

  private final int port;
  private GreenMail server;

  private TestSmtpServer(int port) {
    this.port = port;
  }

  public static synchronized TestSmtpServer shared() {
    if (shared == null) {
      shared = new TestSmtpServer(freePort());
      shared.start();
    }
    return shared;
  }

  public int port() {
    return port;
  }

  public synchronized void start() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
  }

  public synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** What this server received since it was last started. */
  public synchronized MimeMessage[] received() {
    return server == null ? new MimeMessage[0] : server.getReceivedMessages();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
