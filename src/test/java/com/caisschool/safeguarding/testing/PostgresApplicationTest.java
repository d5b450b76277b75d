package com.caisschool.safeguarding.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The real application in the {@code postgres} profile on a real PostgreSQL server (embedded,
 * started by the test), with email alerts to a real SMTP server: one shared Spring context, the
 * node {@link PostgresApplication#ENGINE}. Tagged "postgres": Maven runs these tests in a JVM of
 * their own (pom.xml), because they move the JVM-wide engine clock.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = PostgresApplication.class)
public @interface PostgresApplicationTest {}
