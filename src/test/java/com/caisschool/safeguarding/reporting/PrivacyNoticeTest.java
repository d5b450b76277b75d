package com.caisschool.safeguarding.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public report page says, in English and Chinese, what is kept and why, who sees it, where it
 * is stored, how long (the case file's retention age) and how to ask to see or correct it.
 */
@ApplicationTest
class PrivacyNoticeTest {

  @LocalServerPort int port;
  @Value("${safeguarding.case-file.retention-until-age}") int keptUntilAge;

  @Test
  void theReportPageCarriesThePrivacyNoticeInEnglish() {
    String page = new ReportPage(port).open("/report?lang=en").body();

    assertThat(page).contains("How we use what you tell us").contains("to keep the child safe")
        .contains("Only the school&#39;s Child Protection team").contains("school&#39;s own server")
        .contains("kept until the child is " + keptUntilAge + " years old")
        .contains("ask us to correct it: write to cpo@caisschool.com");
  }

  @Test
  void theReportPageCarriesThePrivacyNoticeInChinese() {
    String page = new ReportPage(port, "zh-CN,zh;q=0.9").open("/report").body();

    assertThat(page).contains("我们如何使用你提供的信息").contains("保护孩子的安全").contains("学校自己的服务器")
        .contains("孩子的记录保存到孩子年满 " + keptUntilAge + " 岁").contains("请写信至 cpo@caisschool.com");
  }
}
