package com.caisschool.safeguarding.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The real application signing in with a school's OpenID Connect provider ({@link SchoolProvider},
 * a real one started by the tests) and with the second factor enforced for privileged local
 * accounts: one shared Spring context. Tagged "sso": Maven runs these tests in a JVM of their own
 * (pom.xml), so this application's engine never stands in for the shared context's.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("sso")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = SchoolProvider.class)
public @interface SchoolProviderTest {}
