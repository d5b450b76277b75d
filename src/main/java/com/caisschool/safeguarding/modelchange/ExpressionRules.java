package com.caisschool.safeguarding.modelchange;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Text;

/**
 * Rules no-scripts, no-java-classes, delegate-bean and expressions. A deployed model runs with the
 * engine's rights over every case, so it may contain only what the rules allow: the application's
 * delegate beans and listeners from a list, variable references, the listed methods of the listed
 * beans, and FEEL in forms and decision tables. No scripts, no Java classes, no connectors, and no
 * other method call or property of a bean or of the engine's objects.
 */
final class ExpressionRules {

  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{[^}]*}");
  private static final Builder JUEL = new Builder(Builder.Feature.METHOD_INVOCATIONS);
  private static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/dmn/20191111/feel/",
      "https://www.omg.org/spec/dmn/20191111/feel/", "http://www.omg.org/spec/feel/20140401");

  private final ModelRulesProperties rules;
  private final Predicate<String> isBean;

  ExpressionRules(ModelRulesProperties rules, Predicate<String> isBean) {
    this.rules = rules;
    this.isBean = isBean;
  }

  void check(ModelFiles files, Consumer<Violation> violations) {
    files.contents().forEach((file, content) -> {
      if (file.endsWith(".bpmn") || file.endsWith(".dmn")) {
        Element root = parse(content);
        if (root != null) {
          walk(file, root, null, file.endsWith(".dmn"), violations);
        }
      }
    });
  }

  private void walk(String file, Element element, String elementId, boolean decisionTable,
      Consumer<Violation> violations) {
    String id = element.hasAttribute("id") ? element.getAttribute("id") : elementId;
    String name = element.getLocalName();
    if ("scriptTask".equals(name) || ("script".equals(name) && CAMUNDA.equals(element.getNamespaceURI()))) {
      violations.accept(new Violation("no-scripts", file, id, "a model may not contain scripts"));
    }
    if ("connector".equals(name) && CAMUNDA.equals(element.getNamespaceURI())) {
      violations.accept(new Violation("no-scripts", file, id, "a model may not call connectors"));
    }
    if ("conditionExpression".equals(name) && element.hasAttribute("language")) {
      violations.accept(new Violation("no-scripts", file, id, "a condition may not be a script"));
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      checkAttribute(file, id, (Attr) attributes.item(i), decisionTable, violations);
    }
    for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        walk(file, childElement, id, decisionTable, violations);
      } else if (child instanceof Text text && !decisionTable) {
        checkExpressions(file, id, text.getData(), violations);
      }
    }
  }

  private void checkAttribute(String file, String id, Attr attribute, boolean decisionTable,
      Consumer<Violation> violations) {
    String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
    String value = attribute.getValue();
    if (decisionTable) {
      if ("expressionLanguage".equals(local) && !FEEL.contains(value.toLowerCase())) {
        violations.accept(new Violation("feel-only", file, id, "decision tables use FEEL only, not '" + value + "'"));
      }
      return;
    }
    if (!CAMUNDA.equals(attribute.getNamespaceURI())) {
      checkExpressions(file, id, value, violations);
      return;
    }
    if ("class".equals(local) || local.endsWith("Class")) {
      violations.accept(new Violation("no-java-classes", file, id, "a model may not name a Java class ('"
          + value + "'); use a delegate bean from the list in docs/model-rules.md"));
    } else if ("resource".equals(local) || "scriptFormat".equals(local)) {
      violations.accept(new Violation("no-scripts", file, id, "a model may not load or run scripts"));
    } else if ("delegateExpression".equals(local) || local.endsWith("DelegateExpression")) {
      checkDelegate(file, id, value, violations);
    } else {
      checkExpressions(file, id, value, violations);
    }
  }

  private void checkDelegate(String file, String id, String value, Consumer<Violation> violations) {
    Matcher whole = Pattern.compile("\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*").matcher(value);
    if (!whole.matches()) {
      violations.accept(new Violation("delegate-bean", file, id, "a delegate is named as ${beanName}, not '"
          + value + "'"));
      return;
    }
    String bean = whole.group(1);
    if (!rules.beans().containsKey(bean) || !rules.beans().get(bean).isEmpty() || !isBean.test(bean)) {
      violations.accept(new Violation("delegate-bean", file, id, "'" + bean + "' is not one of the application's"
          + " delegate beans (safeguarding.model-rules.beans: " + delegates() + ")"));
    }
  }

  private List<String> delegates() {
    return rules.beans().entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).sorted().toList();
  }

  private void checkExpressions(String file, String id, String text, Consumer<Violation> violations) {
    if (text == null || !(text.contains("${") || text.contains("#{"))) {
      return;
    }
    Matcher expressions = EXPRESSION.matcher(text);
    while (expressions.find()) {
      String expression = expressions.group();
      try {
        visit(file, id, expression, (AstNode) JUEL.build(expression).getRoot(), violations);
      } catch (TreeBuilderException | ClassCastException e) {
        violations.accept(new Violation("expressions", file, id, "the expression cannot be read: " + expression));
      }
    }
  }

  private void visit(String file, String id, String expression, Node node, Consumer<Violation> violations) {
    if (node instanceof AstMethod method) {
      AstProperty property = (AstProperty) method.getChild(0);
      String name = propertyName(property);
      Node target = property.getChild(0);
      if (target instanceof AstIdentifier identifier && isNamedObject(identifier.getName())) {
        List<String> allowed = rules.beans().get(identifier.getName());
        if (allowed == null || !allowed.contains(name)) {
          refuse(file, id, expression, "calls " + identifier.getName() + "." + name + "(), which is not"
              + " allowed" + (allowed == null ? " (" + identifier.getName() + " is not on the list of beans)" : ""),
              violations);
        }
      } else {
        if (name == null || !rules.variableMethods().contains(name)) {
          refuse(file, id, expression, "calls " + name + "(), which is not on the list of allowed methods",
              violations);
        }
        visit(file, id, expression, target, violations);
      }
      visit(file, id, expression, method.getChild(1), violations);
      return;
    }
    if (node instanceof AstProperty property) {
      String name = propertyName(property);
      Node target = property.getChild(0);
      if (target instanceof AstIdentifier identifier && isNamedObject(identifier.getName())) {
        List<String> allowed = rules.beans().get(identifier.getName());
        if (allowed == null || !allowed.contains(name)) {
          refuse(file, id, expression, "reads " + identifier.getName() + "." + name + ", which is not allowed",
              violations);
        }
      } else if (name == null || "class".equals(name)) {
        refuse(file, id, expression, "reads a property that cannot be checked", violations);
      }
      visit(file, id, expression, target, violations);
      if (property instanceof AstBracket) {
        visit(file, id, expression, property.getChild(1), violations);
      }
      return;
    }
    if (node instanceof AstIdentifier identifier) {
      if (isBean.test(identifier.getName()) && !rules.beans().containsKey(identifier.getName())) {
        refuse(file, id, expression, "names the bean '" + identifier.getName() + "', which is not on the list",
            violations);
      }
      return;
    }
    if (node instanceof AstFunction function && !rules.functions().contains(function.getName())) {
      refuse(file, id, expression, "calls the function " + function.getName() + "(), which is not allowed",
          violations);
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      visit(file, id, expression, node.getChild(i), violations);
    }
  }

  /** A bean of the application, or one of the listed engine objects (such as execution). */
  private boolean isNamedObject(String name) {
    return rules.beans().containsKey(name) || isBean.test(name);
  }

  private static String propertyName(AstProperty property) {
    if (property instanceof AstDot) {
      String text = property.toString();
      return text.startsWith(". ") ? text.substring(2) : null;
    }
    if (property.getChild(1) instanceof AstString literal) {
      String text = literal.toString();
      return text.length() >= 2 ? text.substring(1, text.length() - 1) : null;
    }
    return null;
  }

  private static void refuse(String file, String id, String expression, String why, Consumer<Violation> violations) {
    violations.accept(new Violation("expressions", file, id, expression + " " + why));
  }

  private static Element parse(byte[] content) {
    try {
      var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content)).getDocumentElement();
    } catch (Exception e) {
      return null;
    }
  }
}
