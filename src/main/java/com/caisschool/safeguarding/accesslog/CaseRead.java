package com.caisschool.safeguarding.accesslog;

import java.time.Instant;

/** One view of a case's facts: who, when, which case, which way in, and what kind of view. */
public record CaseRead(String caseReference, Instant readAt, String reader, WayIn wayIn, String what) {}
