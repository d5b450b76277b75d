package com.caisschool.safeguarding.overview;

import java.util.List;

/**
 * One line of the overview: what it is, its next date, where it stands, what is overdue, and who
 * still has to act (people's names, never a child's).
 */
public record OverviewItem(String name, String nextDate, String status, List<String> overdue, List<String> waitingFor) {}
