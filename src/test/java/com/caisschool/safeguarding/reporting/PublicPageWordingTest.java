package com.caisschool.safeguarding.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public page's Chinese reads as written for a Chinese reader (issue 23): one child is 孩子, not
 * 他们; identity-based harm and who may be causing harm are said plainly; and "who may be causing
 * the harm" offers one "I do not know", in both languages.
 */
@ApplicationTest
class PublicPageWordingTest {

  private static final Pattern OPTION = Pattern.compile("<option[^>]*>([^<]*)</option>");

  @LocalServerPort int port;

  @Test
  void theChinesePageSpeaksOfTheChildAndSaysHarmPlainly() {
    String page = new ReportPage(port, "zh-CN,zh;q=0.9").open("/report").body();

    assertThat(page).doesNotContain("他们").doesNotContain("因为身份而受到伤害").doesNotContain("谁可能在造成伤害")
        .contains("孩子的年级或班级").contains("可能是谁在伤害孩子？").contains("孩子因民族、宗教、性别、残障等身份被针对或伤害");
  }

  @Test
  void whoMayBeCausingTheHarmOffersOneIDoNotKnowInEachLanguage() {
    assertThat(count(options(new ReportPage(port, "zh-CN,zh;q=0.9").open("/report").body()), "不知道")).isOne();
    assertThat(count(options(new ReportPage(port).open("/report?lang=en").body()), "not know")).isOne();
  }

  private static String options(String page) {
    String select = page.substring(page.indexOf("id=\"concernAbout\""), page.indexOf("</select>", page.indexOf("id=\"concernAbout\"")));
    StringBuilder labels = new StringBuilder();
    Matcher option = OPTION.matcher(select);
    while (option.find()) {
      labels.append(option.group(1)).append('\n');
    }
    return labels.toString();
  }

  private static long count(String labels, String words) {
    return labels.lines().filter(label -> label.contains(words)).count();
  }
}
