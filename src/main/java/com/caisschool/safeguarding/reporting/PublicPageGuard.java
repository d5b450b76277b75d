package com.caisschool.safeguarding.reporting;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * In the public page's security chain, before anything reads a form: refuses a post that is too
 * large (413) before its body is parsed, and a client over its rate limit (429), each with a
 * friendly page in the reporter's language. Reading pages and QR codes is not limited.
 */
class PublicPageGuard extends OncePerRequestFilter {

  private final ClientRateLimit rateLimit;
  private final long maxRequestBytes;
  private final SpringTemplateEngine templates;
  private final LocaleResolver locales;
  private final List<PublicReportProperties.EmergencyNumber> emergencyNumbers;

  PublicPageGuard(ClientRateLimit rateLimit, PublicReportProperties properties, SpringTemplateEngine templates,
      LocaleResolver locales) {
    this.rateLimit = rateLimit;
    this.maxRequestBytes = properties.maxRequestBytes();
    this.emergencyNumbers = properties.emergencyNumbers();
    this.templates = templates;
    this.locales = locales;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!"POST".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    long length = request.getContentLengthLong();
    if (length < 0 || length > maxRequestBytes) {
      refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "report.refused.tooLarge");
      return;
    }
    // The address as the servlet container sees it; behind a reverse proxy, configure
    // server.forward-headers-strategy so that this is the client's and not the proxy's.
    if (!rateLimit.tryAcquire(request.getRemoteAddr())) {
      response.setHeader("Retry-After", "600");
      refuse(request, response, HttpStatus.TOO_MANY_REQUESTS, "report.refused.tooMany");
      return;
    }
    chain.doFilter(request, response);
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String messageKey)
      throws IOException {
    Locale locale = locales.resolveLocale(request);
    Context page = new Context(locale);
    page.setVariable("messageKey", messageKey);
    page.setVariable("lang", locale.toLanguageTag());
    page.setVariable("emergencyNumbers", emergencyNumbers.stream()
        .map(number -> Map.of("number", number.number(), "label", number.label(locale))).toList());
    response.setStatus(status.value());
    response.setContentType("text/html;charset=UTF-8");
    // The body of a refused post is not parsed. The server reads and drops up to 2 MiB of it
    // (Tomcat's max-swallow-size), so that the browser gets this page rather than a cut connection.
    templates.process("report/refused", page, response.getWriter());
  }
}
