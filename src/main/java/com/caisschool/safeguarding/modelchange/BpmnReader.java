package com.caisschool.safeguarding.modelchange;

import java.io.ByteArrayInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.impl.BpmnParser;

/**
 * Reads a BPMN file as Camunda's {@code Bpmn.readModelFromStream} does (the same schema checks
 * during the parse and after it, the same protections against external entities, the same model),
 * with the BPMN schema compiled once instead of at every file. Camunda's reader hands the parser
 * the schema's location, which the parser reads and compiles again for each file: at start-up that
 * was most of the time spent reading the release's models (issue 25).
 */
final class BpmnReader extends BpmnParser {

  private static final String JAXP_SCHEMA_LANGUAGE = "http://java.sun.com/xml/jaxp/properties/schemaLanguage";
  private static final String JAXP_SCHEMA_SOURCE = "http://java.sun.com/xml/jaxp/properties/schemaSource";
  private static final BpmnReader INSTANCE = new BpmnReader();

  /** Set while the parent's constructor configures it; given the compiled schema once that exists. */
  private DocumentBuilderFactory factory;

  private BpmnReader() {
    // The parent compiled the schema for its check after the parse; the parse now uses that one too.
    factory.setSchema(schemas.get(BpmnModelConstants.BPMN20_NS));
  }

  static BpmnModelInstance read(byte[] content) {
    return INSTANCE.parseModelFromStream(new ByteArrayInputStream(content));
  }

  @Override
  protected void configureFactory(DocumentBuilderFactory documentBuilderFactory) {
    super.configureFactory(documentBuilderFactory);
    // A compiled schema replaces the schema's location (JAXP allows one or the other); it validates
    // during the parse by itself, so the parser's own (DTD) validation stays off.
    documentBuilderFactory.setAttribute(JAXP_SCHEMA_LANGUAGE, null);
    documentBuilderFactory.setAttribute(JAXP_SCHEMA_SOURCE, null);
    documentBuilderFactory.setValidating(false);
    factory = documentBuilderFactory;
  }
}
