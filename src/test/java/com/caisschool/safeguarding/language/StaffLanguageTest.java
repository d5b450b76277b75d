package com.caisschool.safeguarding.language;

import static com.caisschool.safeguarding.testing.FormRules.withoutLabels;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.forms.FormDefinitions;
import com.caisschool.safeguarding.forms.FormField;
import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.WebappSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Staff work in their own language (README "Languages"): a teacher whose language is Chinese gets
 * Tasklist's configuration, labels and the start form in Chinese, with the English form's keys;
 * a user changes their language on the language page; the log-in page offers Chinese.
 */
@ApplicationTest
class StaffLanguageTest {

  private static final String ENGINE_API = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired UserLanguages languages;

  @Test
  void aTeacherWhoseLanguageIsChineseGetsTheWebappsInChinese() {
    WebappSession liwei = WebappSession.loggedIn(port, "liwei", "demo");
    WebappSession teacher = WebappSession.loggedIn(port, "teacher", "demo");

    for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
      assertThat(liwei.page("/camunda/app/" + app + "/scripts/config.js").body())
          .contains("availableLocales: [\"zh\"]").contains("fallbackLocale: \"zh\"")
          .contains("scripts/safeguarding-webapps.js");
      WebappSession.Reply labels = liwei.get("/camunda/app/" + app + "/locales/zh.json");
      assertThat(labels.status()).isEqualTo(200);
      assertThat(labels.json().path("labels").path("BANNER_CE_EOL_TEXT").asText()).isEmpty();
    }
    assertThat(liwei.get("/camunda/app/tasklist/locales/zh.json").json().path("labels").path("CREATION_DATE").asText())
        .isEqualTo("创建时间");
    assertThat(liwei.page("/camunda/app/tasklist/scripts/safeguarding-webapps.js").body())
        .contains("const locale = \"zh\"").contains("/login?logout");
    assertThat(teacher.page("/camunda/app/tasklist/scripts/config.js").body()).contains("availableLocales: [\"en\"]");
  }

  @Test
  void theStartFormIsInTheUsersLanguageWithTheEnglishFormsKeysAndRules() throws IOException {
    String chinese = startForm(WebappSession.loggedIn(port, "liwei", "demo"));
    String english = startForm(WebappSession.loggedIn(port, "teacher", "demo"));

    assertThat(chinese).contains("报告儿童保护担忧").contains("孩子的姓名").contains("孩子现在处于紧急危险中")
        .doesNotContain("Child's name");
    assertThat(english).contains("Child's name").doesNotContain("孩子的姓名");
    assertThat(withoutLabels(fields(chinese))).isEqualTo(withoutLabels(fields(english)));
  }

  @Test
  void aUserChoosesTheirLanguageOnTheLanguagePage() {
    String user = "liwei";
    WebappSession session = WebappSession.loggedIn(port, user, "demo");
    try {
      WebappSession.Reply page = session.page("/language");
      assertThat(page.body()).contains("中文（简体）").contains("English").contains("你现在的语言");

      WebappSession.Reply chosen = session.send("POST", "/language", WebappSession.csrfTokenOf(page),
          Map.of("language", "en"));

      assertThat(chosen.redirectsTo("/language?saved")).as(chosen.location()).isTrue();
      assertThat(languages.of(user)).isEqualTo(StaffLanguage.ENGLISH);
      assertThat(session.page("/language?saved").body()).contains("Your language now: English");
      assertThat(session.page("/camunda/app/tasklist/scripts/config.js").body()).contains("availableLocales: [\"en\"]");
      assertThat(session.send("POST", "/language", WebappSession.csrfTokenOf(page), Map.of("language", "fr")).status())
          .isEqualTo(400);
    } finally {
      languages.choose(user, StaffLanguage.CHINESE);
    }
  }

  @Test
  void theLogInPageIsInChineseOnRequest() {
    String page = WebappSession.anonymous(port).page("/login?lang=zh-CN").body();

    assertThat(page).contains("现在有孩子处于危险中吗？").contains("报警").contains("儿童保护负责人（CPO）或儿童保护副负责人")
        .contains("用户名").contains("密码").contains(">English<");
    assertThat(WebappSession.anonymous(port).page("/login").body()).contains("Is a child in danger right now?");
  }

  private String startForm(WebappSession session) {
    String id = session.get(ENGINE_API + "/process-definition/key/safeguarding-concern").json().path("id").asText();
    WebappSession.Reply form = session.get(ENGINE_API + "/process-definition/" + id + "/deployed-start-form");
    assertThat(form.status()).as(form.body()).isEqualTo(200);
    return form.body();
  }

  private static List<FormField> fields(String form) throws IOException {
    return FormDefinitions.parse(new ByteArrayInputStream(form.getBytes(StandardCharsets.UTF_8)));
  }

}
