package com.caisschool.safeguarding.recruitment;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The single central record page ({@code /recruitment}): every adult and the state of their checks.
 * Only the roles in {@code safeguarding.duties.recruitment-record-readers} reach it (WebSecurityConfig).
 */
@Controller
class SingleCentralRecordController {

  private final SingleCentralRecord record;

  SingleCentralRecordController(SingleCentralRecord record) {
    this.record = record;
  }

  @GetMapping("/recruitment")
  String page(Model model) {
    model.addAttribute("adults", record.adults());
    model.addAttribute("checks", SingleCentralRecord.CHECKS.stream().map(check -> check[1]).toList());
    return "recruitment/record";
  }
}
