package com.caisschool.safeguarding.worklists;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Tasklist's list of filters with their counts ({@code GET …/filter?itemCount=true}) as one engine
 * command in one read-only transaction (issue 25, README "Performance"). Camunda's REST API runs the
 * list and then each filter's count as a command of its own: seven transactions for the CPO, each
 * asking again whether a revoke names the person and whether they read every task
 * (security/LeanAuthorizationManager), and reading the filter once more. Joined in one command, the
 * counts share its transaction and what the engine keeps for one command: the filters just listed,
 * the answer to the revoke question, and the results of a query asked again with the same
 * parameters (MyBatis's cache of the command's session). So those answers last this one request on
 * this node, never longer: the next request asks again. Every count still runs its own
 * permission-checked query as the person who asks, and each filter's READ is still checked. The
 * request writes nothing (read-only); a count that fails answers as it did on its own, and the
 * transaction is rolled back. The answer goes out after the transaction has ended.
 */
class FiltersWithCountsInOneCommand extends OncePerRequestFilter {

  /** The filter collection under the REST API (default or named engine) and under the webapps' copy of it. */
  private static final Pattern FILTER_LIST =
      Pattern.compile("^(?:/engine-rest(?:/engine/(?<rest>[^/]+))?|/camunda/api/engine/engine/(?<webapp>[^/]+))/filter/?$");

  private final ObjectProvider<ProcessEngine> engine;
  private final TransactionTemplate readOnly;

  /** The engine is looked up at the first request: the filter is made with the web server, before it. */
  FiltersWithCountsInOneCommand(ObjectProvider<ProcessEngine> engine, PlatformTransactionManager transactions) {
    this.engine = engine;
    this.readOnly = new TransactionTemplate(transactions);
    readOnly.setReadOnly(true);
  }

  /** Registered after Camunda's authentication filters, so the engine knows who asks. */
  static FilterRegistrationBean<FiltersWithCountsInOneCommand> registration(ObjectProvider<ProcessEngine> engine,
      PlatformTransactionManager transactions) {
    var registration = new FilterRegistrationBean<>(new FiltersWithCountsInOneCommand(engine, transactions));
    registration.setName("filters-with-counts-in-one-command");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
    return registration;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod()) || !"true".equals(request.getParameter("itemCount"))) {
      return true;
    }
    Matcher path = FILTER_LIST.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    if (!path.matches()) {
      return true;
    }
    // Only this application's engine can share one command (the path may name another).
    String named = path.group("rest") != null ? path.group("rest") : path.group("webapp");
    return named != null && !named.equals(engine.getObject().getName());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // The answer is kept until the transaction has ended: the connection goes back to the pool
    // before the answer goes out to a client however slow, and a failing commit never follows a 200.
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    try {
      readOnly.executeWithoutResult(status -> {
        commands().execute(new FiltersWithCounts(request, answer, chain));
        // A count that failed marked the transaction rollback-only (its answer already says so). Marking
        // it here too makes the rollback ours, so Spring rolls back without an UnexpectedRollbackException.
        if (status.isRollbackOnly()) {
          status.setRollbackOnly();
        }
      });
    } catch (Failed failed) {
      if (failed.getCause() instanceof ServletException servlet) {
        throw servlet;
      }
      throw (IOException) failed.getCause();
    }
    answer.copyBodyToResponse();
  }

  private CommandExecutor commands() {
    return ((ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration()).getCommandExecutorTxRequired();
  }

  /** Named, so that the engine's command log says what ran. */
  private record FiltersWithCounts(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      implements Command<Void> {
    @Override
    public Void execute(CommandContext context) {
      try {
        chain.doFilter(request, response);
        return null;
      } catch (IOException | ServletException e) {
        throw new Failed(e);
      }
    }
  }

  /** Carries the chain's checked exceptions through the engine and the transaction. */
  private static final class Failed extends RuntimeException {
    Failed(Exception cause) {
      super(cause);
    }
  }
}
