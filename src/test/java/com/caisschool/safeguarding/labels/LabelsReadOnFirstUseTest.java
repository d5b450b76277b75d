package com.caisschool.safeguarding.labels;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.caseprocess.ReporterTypes;
import com.caisschool.safeguarding.casework.Authority;
import com.caisschool.safeguarding.identity.SchoolRoles;
import com.caisschool.safeguarding.notification.NotificationProperties;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The answers' labels (every form's options, the authorities) are read by the first question, not at start-up. */
class LabelsReadOnFirstUseTest {

  @Test
  void theFormsAndTheAuthoritiesAreReadWhenALabelIsFirstAskedFor() {
    List<Authority> authorities = new ArrayList<>();
    var school = new SafeguardingProperties(null, ZoneId.of("Asia/Shanghai"), authorities, Map.of(),
        new ReporterTypes("self", List.of("cpo"), Map.of("public-page", "Someone on the public page")), null);
    Labels labels = new Labels(null, null, null, new SchoolRoles(Map.of()),
        new NotificationProperties(false, null, null, null, null), school);

    // Only now is the authority there: the labels read it on the first question, after being made.
    authorities.add(new Authority("police", "The police"));

    assertThat(labels.option("authorities", "police")).isEqualTo("The police");
    assertThat(labels.option("correctedCategories", "physical-abuse")).isEqualTo("Physical abuse");
    assertThat(labels.option(ReporterTypes.VARIABLE, "public-page")).isEqualTo("Someone on the public page");
    assertThat(labels.choices("authorityReportDue")).containsEntry("yes", "Yes: report now");
  }
}
