package com.caisschool.safeguarding.reporting;

import java.util.ArrayList;
import java.util.List;

/** What the public report form posts, as typed (bound by Spring MVC, re-shown on an error). */
public class ReportForm {

  private String reporterRole = "";
  private String reporterName = "";
  private String reporterContact = "";
  private String childName = "";
  private String childGrade = "";
  private String concernAbout = "";
  private List<String> categories = new ArrayList<>();
  private String whatHappened = "";
  private String whenHappened = "";
  private String location = "";
  private String dangerNow = "";

  public String getReporterRole() { return reporterRole; }
  public void setReporterRole(String value) { reporterRole = value; }
  public String getReporterName() { return reporterName; }
  public void setReporterName(String value) { reporterName = value; }
  public String getReporterContact() { return reporterContact; }
  public void setReporterContact(String value) { reporterContact = value; }
  public String getChildName() { return childName; }
  public void setChildName(String value) { childName = value; }
  public String getChildGrade() { return childGrade; }
  public void setChildGrade(String value) { childGrade = value; }
  public String getConcernAbout() { return concernAbout; }
  public void setConcernAbout(String value) { concernAbout = value; }
  public List<String> getCategories() { return categories; }
  public void setCategories(List<String> value) { categories = value == null ? new ArrayList<>() : value; }
  public String getWhatHappened() { return whatHappened; }
  public void setWhatHappened(String value) { whatHappened = value; }
  public String getWhenHappened() { return whenHappened; }
  public void setWhenHappened(String value) { whenHappened = value; }
  public String getLocation() { return location; }
  public void setLocation(String value) { location = value; }
  public String getDangerNow() { return dangerNow; }
  public void setDangerNow(String value) { dangerNow = value; }
}
