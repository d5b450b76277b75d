package com.caisschool.safeguarding.benchmark;

import com.caisschool.safeguarding.SafeguardingApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;

/**
 * The application with Spring's start-up steps recorded as Java Flight Recorder events (bean
 * creation, post-processing, refresh phases), for profiling the start-up only:
 * {@code -Dbenchmark.startupSteps=true} with {@code -Dbenchmark.jvm.application=-XX:StartFlightRecording=...}.
 * Never used by the product or by the measured start-ups.
 */
public final class ApplicationWithStartupSteps {

  private ApplicationWithStartupSteps() {
  }

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(SafeguardingApplication.class);
    application.setApplicationStartup(new FlightRecorderApplicationStartup());
    application.run(args);
  }
}
