package io.sheetingest.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;

/** What {@link SheetXml} tells its handlers: names with their namespaces, attributes, and all text asked for. */
class SheetXmlTest {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    @Test
    void reportsTheDefaultNamespaceOfUnprefixedElements() throws Exception {
        List<String> events = events("<sst xmlns=\"" + MAIN + "\"><si><t>a</t></si><x:t xmlns:x=\"urn:x\"/></sst>");

        assertEquals(List.of("<{" + MAIN + "}sst", "<{" + MAIN + "}si", "<{" + MAIN + "}t", "a", ">t", ">si",
                "<{urn:x}t", ">t", ">sst"), events);
    }

    @Test
    void readsAttributesWithoutANamespaceByLocalName() throws Exception {
        List<String> events = events("<worksheet xmlns=\"" + MAIN + "\" xmlns:x=\"urn:x\"><c r=\"B2\" x:r=\"no\""
                + " t=\"s\"/></worksheet>");

        assertEquals("<{" + MAIN + "}c r=B2 t=s", events.get(1));
    }

    @Test
    void deliversCdataWhitespaceAndCharacterReferencesAsText() throws Exception {
        List<String> events = events("<t xmlns=\"" + MAIN + "\">  <![CDATA[<b>]]>&amp;&#13;&#x4E2D;</t>");

        assertEquals("  <b>&\r\u4E2D", String.join("", events.subList(1, events.size() - 1)));
    }

    @Test
    void readsAPartThatBindsMoreThanSixteenPrefixes() throws Exception {
        StringBuilder xml = new StringBuilder("<worksheet xmlns=\"" + MAIN + "\"");
        for (int i = 0; i < 40; i++) {
            xml.append(" xmlns:p").append(i).append("=\"urn:p").append(i).append('"');
        }
        xml.append(">");
        for (int i = 0; i < 40; i++) {
            xml.append("<p").append(i).append(":x/>");
        }
        xml.append("</worksheet>");

        List<String> events = events(xml.toString());

        assertEquals("<{urn:p39}x", events.get(events.size() - 3));
    }

    @Test
    void reportsMalformedTextAsAStreamExceptionWhetherItIsWantedOrNot() {
        for (String xml : List.of("<t xmlns=\"" + MAIN + "\">cut short", "<t>a &bogus; b</t>", "<t>a\u0001b</t>",
                "<t>ok</u>")) {
            assertThrows(XMLStreamException.class, () -> events(xml), xml);
            assertThrows(XMLStreamException.class, () -> SheetXml.parse(
                    new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), new Recorder() {
                        @Override
                        public boolean wantsText() {
                            return false;
                        }
                    }), xml);
        }
    }

    @Test
    void aFailingStreamFailsWithItsOwnIoException() {
        IOException broken = new IOException("the zip entry is damaged");
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw broken;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw broken;
            }
        };

        assertSame(broken, assertThrows(IOException.class, () -> SheetXml.parse(failing, new Recorder())));
    }

    private static List<String> events(String xml) throws Exception {
        Recorder recorder = new Recorder();
        SheetXml.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), recorder);
        return recorder.events;
    }

    /** Writes each event as a line: {@code <{ns}name attr=value}, {@code >name}, or the text. */
    private static class Recorder implements SheetXml.Handler {

        final List<String> events = new ArrayList<>();

        @Override
        public void start(XMLStreamReader element) {
            StringBuilder event = new StringBuilder("<{").append(element.getNamespaceURI()).append('}')
                    .append(element.getLocalName());
            for (String name : List.of("r", "t", "s")) {
                String value = element.getAttributeValue(null, name);
                if (value != null) {
                    event.append(' ').append(name).append('=').append(value);
                }
            }
            events.add(event.toString());
        }

        @Override
        public void end(XMLStreamReader element) {
            events.add(">" + element.getLocalName());
        }

        @Override
        public boolean wantsText() {
            return true;
        }

        @Override
        public void text(char[] chars, int start, int length) {
            events.add(new String(chars, start, length));
        }
    }
}
