package com.caisschool.safeguarding.accesslog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which cases a read touched. Looked up in the engine's history tables directly (not through its
 * services) so that the look-up neither depends on the reader's authorizations nor adds engine
 * commands; only processes in the case file are cases.
 */
class CasesOfRead {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;

  CasesOfRead(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<String> of(FactsReadPaths.Read read, byte[] answer) {
    Collection<String> processes = switch (read.subject()) {
      case TASK -> processOf("select proc_inst_id_ from act_hi_taskinst where id_ = ?", read.id());
      case PROCESS_INSTANCE -> List.of(read.id());
      case EXECUTION -> processOf("select proc_inst_id_ from act_ru_execution where id_ = ?", read.id());
      case VARIABLE -> processOf("select proc_inst_id_ from act_hi_varinst where id_ = ?", read.id());
      case HISTORIC_DETAIL -> processOf("select proc_inst_id_ from act_hi_detail where id_ = ?", read.id());
      case RESPONSE -> processesNamedIn(answer);
    };
    if (processes.isEmpty()) {
      return List.of();
    }
    return jdbc.queryForList("select distinct case_reference from case_file where process_instance_id in ("
        + "?,".repeat(processes.size() - 1) + "?)", String.class, processes.toArray());
  }

  private List<String> processOf(String sql, String id) {
    return jdbc.queryForList(sql, String.class, id).stream().filter(java.util.Objects::nonNull).toList();
  }

  /** The process instances a query's JSON answer (one object or a list of them) holds values of. */
  private static Set<String> processesNamedIn(byte[] answer) {
    Set<String> processes = new LinkedHashSet<>();
    try {
      JsonNode root = JSON.readTree(answer);
      for (JsonNode item : root == null ? List.<JsonNode>of() : root.isArray() ? root : List.of(root)) {
        String process = item.path("processInstanceId").asText(null);
        if (process != null) {
          processes.add(process);
        }
      }
    } catch (IOException notJson) {
      // An error answer in another format holds no case's facts.
    }
    return processes;
  }
}
