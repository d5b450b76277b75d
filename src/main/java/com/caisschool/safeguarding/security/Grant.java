package com.caisschool.safeguarding.security;

import com.caisschool.safeguarding.security.CaseAccess.Identity;
import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.jdbc.core.JdbcTemplate;

/** A grant on process instances, as {@link CaseAccess} reads them: one case's and those on every case. */
record Grant(String id, String groupId, String userId, String resourceId, int permissions) {

  /**
   * The grants on this process instance and on every process instance ({@code *}: the CPO's and
   * deputy's, {@code safeguarding.access.grants}) in one statement, on the step's own connection.
   */
  static List<Grant> onCaseOrEveryCase(JdbcTemplate jdbc, String processInstanceId) {
    return jdbc.query("select ID_, GROUP_ID_, USER_ID_, RESOURCE_ID_, PERMS_ from ACT_RU_AUTHORIZATION"
            + " where TYPE_ = ? and RESOURCE_TYPE_ = ? and RESOURCE_ID_ in (?, ?)",
        (row, n) -> new Grant(row.getString("ID_"), row.getString("GROUP_ID_"), row.getString("USER_ID_"),
            row.getString("RESOURCE_ID_"), row.getInt("PERMS_")),
        Authorization.AUTH_TYPE_GRANT, Resources.PROCESS_INSTANCE.resourceType(), processInstanceId, Authorization.ANY);
  }

  Identity identity() {
    return new Identity(groupId, userId);
  }

  /** As the engine reads a grant: every bit of the permission is set. */
  boolean grants(Permission permission) {
    return (permissions & permission.getValue()) == permission.getValue();
  }
}
