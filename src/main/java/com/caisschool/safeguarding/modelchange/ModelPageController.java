package com.caisschool.safeguarding.modelchange;

import com.caisschool.safeguarding.security.CamundaIdentityAuthentication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;

/**
 * The models page (/models) for administrators and the CPO (README "Changing a model"): the
 * proposals waiting for a second person, a dry run of files before they are proposed, every
 * accepted deployment with what it changed, and going back to an earlier one.
 */
@Controller
@RequestMapping("/models")
class ModelPageController {

  private final ModelProposals changes;
  private final Proposals proposals;
  private final DeploymentRecords records;

  ModelPageController(ModelProposals changes, Proposals proposals, DeploymentRecords records) {
    this.changes = changes;
    this.proposals = proposals;
    this.records = records;
  }

  @GetMapping
  String overview(Model model) {
    model.addAttribute("proposals", proposals.all());
    model.addAttribute("deployments", records.all());
    return "models/models";
  }

  @GetMapping("/proposals/{id}")
  String proposal(@PathVariable long id, Model model) {
    var proposal = proposals.find(id);
    if (proposal == null) {
      throw new NotFound();
    }
    var files = proposals.files(id);
    model.addAttribute("proposal", proposal);
    model.addAttribute("files", files.keySet());
    model.addAttribute("check", changes.dryRun(files));
    return "models/proposal";
  }

  /** The dry run: the same checks as a deployment, nothing deployed or proposed. */
  @PostMapping("/check")
  String check(@RequestParam("files") List<MultipartFile> uploaded, Model model) {
    var files = read(uploaded);
    model.addAttribute("files", files.keySet());
    model.addAttribute("check", changes.dryRun(files));
    return "models/check";
  }

  @PostMapping("/proposals")
  String propose(@RequestParam("files") List<MultipartFile> uploaded, @RequestParam(defaultValue = "") String name,
      Authentication user) {
    long id = changes.propose(name.isBlank() ? "Proposed on the models page" : name.trim(), read(uploaded),
        user.getName());
    return "redirect:/models/proposals/" + id;
  }

  @PostMapping("/proposals/{id}/approve")
  String approve(@PathVariable long id, Authentication user) {
    changes.approve(id, user.getName(), groups(user));
    return "redirect:/models";
  }

  @PostMapping("/proposals/{id}/reject")
  String reject(@PathVariable long id, Authentication user) {
    changes.reject(id, user.getName());
    return "redirect:/models";
  }

  /** Going back: an earlier deployment's files become a proposal for the next version. */
  @PostMapping("/deployments/{deploymentId}/propose-again")
  String proposeAgain(@PathVariable String deploymentId, Authentication user) {
    if (records.find(deploymentId) == null) {
      throw new NotFound();
    }
    return "redirect:/models/proposals/" + changes.proposeAgain(deploymentId, user.getName());
  }

  @ExceptionHandler(BadUserRequestException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  String refused(BadUserRequestException refusal, Model model) {
    model.addAttribute("message", refusal.getMessage());
    return "models/refused";
  }

  private static List<String> groups(Authentication user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith(CamundaIdentityAuthentication.GROUP_PREFIX))
        .map(a -> a.substring(CamundaIdentityAuthentication.GROUP_PREFIX.length())).toList();
  }

  private static Map<String, byte[]> read(List<MultipartFile> uploaded) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (MultipartFile file : uploaded) {
      if (file.isEmpty() || file.getOriginalFilename() == null) {
        continue;
      }
      try {
        files.put(file.getOriginalFilename(), file.getBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (files.isEmpty()) {
      throw new BadUserRequestException("Choose the model, forms and decision tables to check.");
    }
    return files;
  }

  @ResponseStatus(HttpStatus.NOT_FOUND)
  static final class NotFound extends RuntimeException {}
}
