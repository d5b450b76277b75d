package com.caisschool.safeguarding.casefile;

import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The case file's rules ({@code safeguarding.case-file} in application.yaml).
 *
 * @param authorityContactForms forms whose completion is recorded as contact with the authorities
 * @param courseOfActionField the form field holding a case's course of action (for the filters)
 * @param reasonFieldSuffixes a form field whose key ends so holds the reason for a decision
 * @param retentionUntilAge a child's file is due for review when the child reaches this age
 * @param reviewAtTransfer a child's file is also due for review once the child has left the school
 * @param reporterIdentityVariables who reported, as a report may give it: kept in the case file only
 * @param pdfFont a font file with Chinese characters for the PDF export ({@code file.ttc,index} for a collection)
 * @param longOpenAfter a case open longer than this alerts {@code longOpenAlertRoles}
 * @param longOpenAlertEvery and alerts them again this long after the last alert while it stays open
 * @param longOpenAlertRoles who is told of a case open too long
 * @param letterhead the lines at the top of an exported PDF: the school's name first
 * @param confidentialityLine the line at the foot of every page of an exported PDF
 * @param pageSize rows on one page of the case list and of a child's chronology (default 50)
 */
@ConfigurationProperties("safeguarding.case-file")
public record CaseFileProperties(List<String> authorityContactForms, String courseOfActionField,
    List<String> reasonFieldSuffixes, int retentionUntilAge, boolean reviewAtTransfer,
    List<String> reporterIdentityVariables, String pdfFont, Period longOpenAfter, Period longOpenAlertEvery,
    List<String> longOpenAlertRoles, List<String> letterhead, String confidentialityLine, Integer pageSize) {

  public CaseFileProperties {
    letterhead = letterhead == null ? List.of() : List.copyOf(letterhead);
    confidentialityLine = confidentialityLine == null ? "Confidential: child-protection record." : confidentialityLine;
    pageSize = pageSize == null ? 50 : pageSize;
    if (pageSize < 1) {
      throw new IllegalArgumentException("safeguarding.case-file.page-size must be at least 1");
    }
  }
}
