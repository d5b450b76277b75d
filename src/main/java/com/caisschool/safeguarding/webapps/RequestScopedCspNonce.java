package com.caisschool.safeguarding.webapps;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Keeps the Content-Security-Policy nonce of Tasklist, Cockpit and Admin with its own request.
 *
 * <p>Camunda 7.24 passes the nonce from the filter that writes the CSP header to the filter that
 * writes the app's index page through a <em>servlet-context</em> attribute, which every request
 * shares. When another request (an API call of a page still open) passes the header filter in
 * between, the page's scripts carry that request's nonce while the header names its own: the
 * browser blocks every script and the app stays blank until reloaded. This filter, ahead of
 * Camunda's, gives each request a view of the servlet context in which that one attribute lives
 * in the request, so header and page always agree. Everything else goes to the real context.
 */
class RequestScopedCspNonce implements Filter {

  /** Camunda's attribute name (ContentSecurityPolicyProvider, ProcessEnginesFilter). */
  static final String NONCE_ATTRIBUTE = "org.camunda.bpm.csp.nonce";

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest http) {
      chain.doFilter(new NonceInRequest(http), response);
    } else {
      chain.doFilter(request, response);
    }
  }

  private static final class NonceInRequest extends HttpServletRequestWrapper {

    private final ServletContext context;

    NonceInRequest(HttpServletRequest request) {
      super(request);
      ServletContext shared = request.getServletContext();
      this.context = (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
          new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
            if (args != null && args.length > 0 && NONCE_ATTRIBUTE.equals(args[0])) {
              switch (method.getName()) {
                case "getAttribute":
                  return request.getAttribute(NONCE_ATTRIBUTE);
                case "setAttribute":
                  request.setAttribute(NONCE_ATTRIBUTE, args[1]);
                  return null;
                case "removeAttribute":
                  request.removeAttribute(NONCE_ATTRIBUTE);
                  return null;
                default:
                  break;
              }
            }
            try {
              return method.invoke(shared, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }

    @Override
    public ServletContext getServletContext() {
      return context;
    }
  }
}
