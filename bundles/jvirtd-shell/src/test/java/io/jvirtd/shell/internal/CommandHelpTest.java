package io.jvirtd.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the component descriptions bnd generated (OSGI-INF, built before the tests run) and checks
 * what {@code help virt:...} relies on: scope virt, every declared function is a public method,
 * described, with every parameter described and offering {@code --no-format}.
 */
class CommandHelpTest {

    /** Commands that print one line of confirmation, not a table: no --no-format for them. */
    private static final List<String> ONE_LINE = List.of("start", "destroy");

    @ParameterizedTest
    @ValueSource(classes = {ThreadPoolCommands.class, DiagnosticCommands.class, DriverCommands.class,
        ClientCommands.class, DomainCommands.class, LogCommands.class})
    void everyDeclaredFunctionIsADescribedPublicMethodWithNoFormat(Class<?> type) throws Exception {
        Element component = component(type);
        assertEquals("virt", property(component, "osgi.command.scope").get(0));
        assertEquals("java.lang.Object",
                ((Element) component.getElementsByTagName("provide").item(0)).getAttribute("interface"));
        List<String> functions = property(component, "osgi.command.function");
        assertTrue(!functions.isEmpty());
        for (String function : functions) {
            // overloads are Gogo's optional positional arguments (virt:list [URI]): each is described
            List<Method> methods = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(function)).toList();
            assertTrue(!methods.isEmpty(), function + " is a public method of " + type.getSimpleName());
            for (Method method : methods) {
                assertTrue(Modifier.isPublic(method.getModifiers()));
                assertNotNull(method.getAnnotation(Descriptor.class), function + " has a description");
                boolean noFormat = false;
                for (java.lang.reflect.Parameter p : method.getParameters()) {
                    assertNotNull(p.getAnnotation(Descriptor.class), function + "(" + p.getName() + ") has a description");
                    Parameter option = p.getAnnotation(Parameter.class);
                    noFormat |= option != null && Arrays.asList(option.names()).contains("--no-format");
                }
                assertTrue(noFormat || ONE_LINE.contains(function), function + " takes --no-format");
            }
        }
    }

    @Test
    void theDashedCommandIsTheOnlyMainOfItsComponentAndDescribed() throws Exception {
        Element component = component(ClientCloseCommand.class);
        assertEquals(List.of("client-close"), property(component, "osgi.command.function"));
        List<Method> mains = Arrays.stream(ClientCloseCommand.class.getMethods())
                .filter(m -> m.getName().equals("_main")).toList();
        assertEquals(1, mains.size());
        for (java.lang.reflect.Parameter p : mains.get(0).getParameters()) {
            assertNotNull(p.getAnnotation(Descriptor.class), "client-close(" + p.getName() + ") has a description");
        }
        assertTrue(ClientCloseCommand.USAGE.contains("--server"));
    }

    private static Element component(Class<?> type) throws Exception {
        try (InputStream in = CommandHelpTest.class.getClassLoader()
                .getResourceAsStream("OSGI-INF/" + type.getName() + ".xml")) {
            assertNotNull(in, "bnd generated the component description of " + type.getSimpleName());
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
            return doc.getDocumentElement();
        }
    }

    /** A DS property's values: the value attribute, or one value per line of the body. */
    private static List<String> property(Element component, String name) {
        NodeList properties = component.getElementsByTagName("property");
        List<String> values = new ArrayList<>();
        for (int i = 0; i < properties.getLength(); i++) {
            Element p = (Element) properties.item(i);
            if (p.getAttribute("name").equals(name)) {
                String text = p.hasAttribute("value") ? p.getAttribute("value") : p.getTextContent();
                text.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(values::add);
            }
        }
        return values;
    }
}
