package com.caisschool.safeguarding.security;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;

/**
 * The same scan, last of the PostgreSQL run (its own JVM, after the H2 run), over the log of both
 * runs: the production profile's paths (two nodes, faults, email) may not leak either.
 */
@Tag("postgres")
@Order(Integer.MAX_VALUE)
class PostgresRunLogsHoldNoCaseDetailsTest extends LogsHoldNoCaseDetailsTest {}
