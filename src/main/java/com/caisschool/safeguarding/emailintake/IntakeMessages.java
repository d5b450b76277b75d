package com.caisschool.safeguarding.emailintake;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * What an email to the CPO becomes: a concern for CPO triage with reporter type {@code email},
 * the subject and text kept as the report (as plain text), the sender as the reporter's contact,
 * the time it was sent as when the concern arose. The facts the start form requires but an email
 * does not state are marked "(not given)"; the CPO completes them at triage. The case file links
 * such a concern to no child (never to one shared "(not given)" child). Attachments stay in the
 * mailbox.
 */
public class IntakeMessages {

  /** A message read: the key that makes it unique, and the concern's variables. */
  public record Read(String key, Map<String, Object> report) {}

  private final int maxTextLength;
  private final int maxContactLength;

  public IntakeMessages(int maxTextLength, int maxContactLength) {
    this.maxTextLength = maxTextLength;
    this.maxContactLength = maxContactLength;
  }

  public Read read(Message message) throws MessagingException, IOException {
    Body body = new Body();
    collect(message, body);
    String subject = message.getSubject() == null ? "" : message.getSubject();
    String text = "Subject: " + subject + "\n\n" + body.text.toString().trim();
    if (body.attachments > 0) {
      text += "\n\n(" + body.attachments + " attachment(s): see the message in the CPO mailbox)";
    }
    String note = "\n\n(Shortened: the whole message is in the CPO mailbox)";
    if (text.length() > maxTextLength) {
      text = text.substring(0, maxTextLength - note.length()) + note;
    }

    Map<String, Object> report = new HashMap<>();
    report.put("reporterType", "email");
    String from = from(message);
    if (!from.isEmpty()) {
      report.put("reporterContact", from.length() > maxContactLength ? from.substring(0, maxContactLength) : from);
    }
    report.put("concernAroseAt", sentAt(message));
    report.put("observations", text);
    return new Read(key(message, text), report);
  }

  /** The Message-ID (hashed), or for a message without one a hash of what it says. */
  private static String key(Message message, String text) throws MessagingException {
    String[] ids = message.getHeader("Message-ID");
    String identity = ids != null && ids.length > 0 && !ids[0].isBlank()
        ? "id:" + ids[0].trim()
        : "content:" + from(message) + "|" + message.getSentDate() + "|" + text;
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(identity.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** When it was sent, never later than now (a wrong clock on the sender's side). */
  private static Date sentAt(Message message) throws MessagingException {
    Date now = new Date();
    Date sent = message.getSentDate() != null ? message.getSentDate() : message.getReceivedDate();
    return sent == null || sent.after(now) ? now : sent;
  }

  private static String from(Message message) throws MessagingException {
    Address[] from = message.getFrom();
    if (from == null || from.length == 0) {
      return "";
    }
    return from[0] instanceof InternetAddress address ? address.toUnicodeString() : from[0].toString();
  }

  private static final class Body {
    private final StringBuilder text = new StringBuilder();
    private int attachments;
  }

  /** Plain text preferred; HTML only when there is no plain text, reduced to its text. */
  private static void collect(Part part, Body body) throws MessagingException, IOException {
    if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      body.attachments++;
    } else if (part.isMimeType("text/plain")) {
      body.text.append(part.getContent()).append('\n');
    } else if (part.isMimeType("multipart/alternative")) {
      Multipart alternatives = (Multipart) part.getContent();
      Part chosen = null;
      for (int i = 0; i < alternatives.getCount(); i++) {
        BodyPart alternative = alternatives.getBodyPart(i);
        if (alternative.isMimeType("text/plain") || chosen == null) {
          chosen = alternative;
        }
      }
      if (chosen != null) {
        collect(chosen, body);
      }
    } else if (part.isMimeType("multipart/*")) {
      Multipart parts = (Multipart) part.getContent();
      for (int i = 0; i < parts.getCount(); i++) {
        collect(parts.getBodyPart(i), body);
      }
    } else if (part.isMimeType("text/html")) {
      body.text.append(String.valueOf(part.getContent()).replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
          .replaceAll("<[^>]+>", " ").replaceAll("&nbsp;", " ").replaceAll("[ \\t]+", " ")).append('\n');
    } else {
      body.attachments++;
    }
  }
}
