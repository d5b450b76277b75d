package com.caisschool.safeguarding.worklists;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.filter.FilterQuery;
import org.camunda.bpm.engine.impl.FilterServiceImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.filter.FilterQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/**
 * The engine's filter service, except that a person who may read both copies of a filter
 * ({@link WorklistSetup}: a card reader is often in a group that reads everyone else's copy too,
 * such as staff) is given only the card readers' copy. A grant cannot say this: a group's grant
 * wins over another group's revoke. Look-ups without a signed-in person (the set-up) see every copy.
 */
class OneCopyPerReader extends FilterServiceImpl {

  @Override
  public FilterQuery createFilterQuery() {
    return new Query(commandExecutor);
  }

  @Override
  public FilterQuery createTaskFilterQuery() {
    return new Query(commandExecutor).filterResourceType(EntityTypes.TASK);
  }

  private static final class Query extends FilterQueryImpl {

    Query(CommandExecutor commandExecutor) {
      super(commandExecutor);
    }

    @Override
    public List<Filter> executeList(CommandContext commandContext, Page page) {
      List<Filter> filters = super.executeList(commandContext, page);
      if (commandContext.getAuthenticatedUserId() == null) {
        return filters;
      }
      Set<String> readAsCardReader = filters.stream().filter(WorklistSetup::forCardReaders).map(Filter::getName)
          .collect(Collectors.toSet());
      return filters.stream()
          .filter(filter -> WorklistSetup.forCardReaders(filter) || !readAsCardReader.contains(filter.getName()))
          .toList();
    }
  }
}
