package com.caisschool.safeguarding.oncall;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.security.SystemAccess;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * /on-call: the rota and the mobile numbers, edited by {@code safeguarding.on-call.rota-editors}
 * (the door is in the security configuration). A change applies to the next alert, no redeploy.
 * Refusals say what is wrong with which field, never repeating what was typed.
 */
@Controller
class OnCallRotaController {

  private static final Pattern MOBILE = Pattern.compile("\\+?[0-9][0-9 -]{4,19}");
  private static final int LAST_POSITION = 9;

  private final OnCallRota rota;
  private final IdentityService identities;
  private final SafeguardingProperties properties;
  private final OnCallProperties onCall;

  OnCallRotaController(OnCallRota rota, IdentityService identities, SafeguardingProperties properties,
      OnCallProperties onCall) {
    this.rota = rota;
    this.identities = identities;
    this.properties = properties;
    this.onCall = onCall;
  }

  @GetMapping("/on-call")
  String page(Model model) {
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(properties.schoolTimeZone()).toLocalDate();
    model.addAttribute("entries", rota.from(today));
    model.addAttribute("contacts", rota.contacts());
    model.addAttribute("people", people());
    model.addAttribute("hours", onCall.schoolHours());
    model.addAttribute("today", today);
    return "oncall/rota";
  }

  @PostMapping("/on-call/rota")
  String add(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String position, @RequestParam(required = false) String userId,
      Model model, HttpServletResponse response) {
    LocalDate first = date(from);
    LocalDate last = date(to);
    if (first == null || last == null || last.isBefore(first)) {
      return refused("From and To must be dates (yyyy-mm-dd), To not before From.", model, response);
    }
    Integer order = number(position);
    if (order == null || order < 1 || order > LAST_POSITION) {
      return refused("Order must be a whole number from 1 to " + LAST_POSITION + ".", model, response);
    }
    if (!people().contains(userId)) {
      return refused("Person must be one of the users listed.", model, response);
    }
    rota.add(first, last, order, userId);
    return "redirect:/on-call";
  }

  @PostMapping("/on-call/rota/{id}/delete")
  String remove(@PathVariable long id) {
    rota.remove(id);
    return "redirect:/on-call";
  }

  @PostMapping("/on-call/contacts")
  String contact(@RequestParam(required = false) String userId, @RequestParam(required = false) String mobile,
      Model model, HttpServletResponse response) {
    if (!people().contains(userId)) {
      return refused("Person must be one of the users listed.", model, response);
    }
    if (mobile != null && !mobile.isBlank() && !MOBILE.matcher(mobile.trim()).matches()) {
      return refused("Mobile number must be digits (5 to 20, spaces, hyphens and a leading + allowed).",
          model, response);
    }
    rota.setMobile(userId, mobile);
    return "redirect:/on-call";
  }

  private List<String> people() {
    return SystemAccess.run(identities, () -> identities.createUserQuery().orderByUserId().asc().list())
        .stream().map(User::getId).toList();
  }

  private String refused(String message, Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("error", message);
    return page(model);
  }

  private static LocalDate date(String value) {
    try {
      return value == null ? null : LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Integer number(String value) {
    try {
      return value == null ? null : Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
