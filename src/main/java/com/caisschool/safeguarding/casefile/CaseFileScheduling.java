package com.caisschool.safeguarding.casefile;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the daily retention review. */
@Configuration
@EnableScheduling
class CaseFileScheduling {}
