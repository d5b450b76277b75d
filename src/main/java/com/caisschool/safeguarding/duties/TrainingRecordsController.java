package com.caisschool.safeguarding.duties;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The training records page: every member of staff sees their own record; the roles in
 * safeguarding.duties.training-record-readers see everyone's and the overdue list.
 */
@Controller
class TrainingRecordsController {

  private final TrainingRecords records;
  private final DutiesProperties duties;

  TrainingRecordsController(TrainingRecords records, DutiesProperties duties) {
    this.records = records;
    this.duties = duties;
  }

  @GetMapping("/training")
  String training(Authentication user, Model model) {
    boolean readsAll = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(authority -> duties.trainingRecordReaders().stream().anyMatch(group -> authority.equals("GROUP_" + group)));
    List<TrainingRecords.TrainingRecord> shown = readsAll ? records.all() : records.of(user.getName());
    model.addAttribute("records", shown);
    model.addAttribute("overdue", shown.stream().filter(TrainingRecords.TrainingRecord::overdue).toList());
    model.addAttribute("readsAll", readsAll);
    return "duties/training";
  }
}
