package com.caisschool.safeguarding.oncall;

import com.caisschool.safeguarding.oncall.AcknowledgementLinks.Acknowledgement;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page an urgent message links to: it shows the case reference and one button. Opening the
 * link changes nothing (a messenger's link preview may open it); the button acknowledges the alert
 * for the person the link was sent to, which stops it passing to the next person on call. No
 * signing-in: the signed link is the proof, and the page shows nothing but the reference.
 */
@Controller
class AcknowledgementController {

  static final String TASK = "user_task_acknowledge_urgent_alert";

  private static final Logger log = LoggerFactory.getLogger(AcknowledgementController.class);

  private final AcknowledgementLinks links;
  private final TaskService tasks;
  private final RuntimeService runtime;

  AcknowledgementController(AcknowledgementLinks links, TaskService tasks, RuntimeService runtime) {
    this.links = links;
    this.tasks = tasks;
    this.runtime = runtime;
  }

  @GetMapping("/on-call/acknowledge")
  String page(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
    Optional<Acknowledgement> acknowledgement = links.read(token);
    if (acknowledgement.isEmpty()) {
      return invalid(model, response);
    }
    model.addAttribute("token", token);
    model.addAttribute("reference", reference(acknowledgement.get()));
    model.addAttribute("open", openTask(acknowledgement.get()) != null);
    return "oncall/acknowledge";
  }

  @PostMapping("/on-call/acknowledge")
  String acknowledge(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
    Optional<Acknowledgement> acknowledgement = links.read(token);
    if (acknowledgement.isEmpty()) {
      return invalid(model, response);
    }
    Task task = openTask(acknowledgement.get());
    model.addAttribute("reference", reference(acknowledgement.get()));
    if (task != null) {
      // Whoever the alert had reached by now, it is the person the link was sent to who answered.
      tasks.setAssignee(task.getId(), acknowledgement.get().userId());
      tasks.complete(task.getId(), Map.of("urgentAlertAcknowledged", true));
      log.info("Urgent alert {} acknowledged by link by {}", acknowledgement.get().alertId(),
          acknowledgement.get().userId());
    }
    model.addAttribute("acknowledged", true);
    return "oncall/acknowledge";
  }

  private Task openTask(Acknowledgement acknowledgement) {
    return tasks.createTaskQuery().processInstanceId(acknowledgement.alertId()).taskDefinitionKey(TASK)
        .singleResult();
  }

  private String reference(Acknowledgement acknowledgement) {
    ProcessInstance alert = runtime.createProcessInstanceQuery().processInstanceId(acknowledgement.alertId())
        .singleResult();
    return alert == null ? "" : alert.getBusinessKey();
  }

  private static String invalid(Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("invalid", true);
    return "oncall/acknowledge";
  }
}
