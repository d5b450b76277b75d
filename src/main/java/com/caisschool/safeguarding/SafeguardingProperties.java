package com.caisschool.safeguarding;

import com.caisschool.safeguarding.casework.Authority;
import com.caisschool.safeguarding.caseprocess.ReporterTypes;
import com.caisschool.safeguarding.escalation.EscalationRules;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The school's settings under {@code safeguarding.*} in application.yaml (see README). */
@ConfigurationProperties("safeguarding")
public record SafeguardingProperties(
    String publicBaseUrl,
    ZoneId schoolTimeZone,
    List<Authority> authorities,
    Map<String, Map<String, String>> processDefaults,
    ReporterTypes reporterTypes,
    EscalationRules escalation) {}
