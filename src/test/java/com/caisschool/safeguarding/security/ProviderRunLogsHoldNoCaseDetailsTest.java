package com.caisschool.safeguarding.security;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;

/**
 * The same scan, last of the single sign-on run (its own JVM, after the others), over the log of
 * every run: the provider sign-ins and bearer tokens may not leak case details either.
 */
@Tag("sso")
@Order(Integer.MAX_VALUE)
class ProviderRunLogsHoldNoCaseDetailsTest extends LogsHoldNoCaseDetailsTest {}
