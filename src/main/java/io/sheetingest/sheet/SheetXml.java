package io.sheetingest.sheet;

import java.io.IOException;
import java.io.InputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.aalto.UncheckedStreamException;
import com.fasterxml.aalto.stax.InputFactoryImpl;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Streams the two big parts of an xlsx, the worksheet and the shared strings, with Aalto's StAX parser, which reads
 * them about twice as fast as the JDK's SAX parser (docs/benchmarks.md). The factory is Aalto's own class, made here
 * rather than looked up, so every other XML parser of the service (POI's, those of the workbook and styles parts)
 * stays the JDK's. Aalto's SAX front end is not used: it reports elements of a default namespace
 * ({@code xmlns="..."}) with an empty namespace URI, which would hide every SpreadsheetML element.
 *
 * <p>As safe as POI's {@code XMLHelper}: a document type declaration is refused outright, so no DTD, internal or
 * external, is ever read and no entity can be declared; Aalto itself never loads an external DTD or entity and
 * refuses a reference to any entity but the five predefined ones, so an entity-expansion bomb is an error, never an
 * expansion. Namespace-aware: the handlers know SpreadsheetML's elements by local name, whether the part uses the
 * transitional or the Strict namespace.
 *
 * <p>Native image: Aalto needs no reflection or service loading, with one exception registered here: it grows its
 * table of namespace prefixes (past 16 in one part) with {@code java.lang.reflect.Array.newInstance}.
 */
@RegisterForReflection(classNames = "[Lcom.fasterxml.aalto.in.NsBinding;")
final class SheetXml {

    /** What a part's reader is told as the parser streams through it. */
    interface Handler {

        /** An element starts; {@code element} stands on it: its name, namespace and attributes can be read. */
        void start(XMLStreamReader element);

        /** An element ends; {@code element} stands on its end tag: its name and namespace can be read. */
        void end(XMLStreamReader element);

        /** Whether the handler wants the text that comes next; text it does not want is skipped unparsed. */
        boolean wantsText();

        /** A piece of character data (text or CDATA) inside an element, asked for by {@link #wantsText()}. */
        void text(char[] chars, int start, int length);
    }

    /** Configured once; Aalto's factories may be shared between threads once set up. */
    private static final XMLInputFactory FACTORY = factory();

    private SheetXml() {
    }

    /**
     * Streams {@code xml} into {@code handler}. Exceptions the handler throws come out unchanged; a failing input
     * stream comes out as its {@link IOException}.
     *
     * @throws XMLStreamException when the XML is not well-formed or declares a document type
     */
    static void parse(InputStream xml, Handler handler) throws IOException, XMLStreamException {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(xml);
            try {
                stream(reader, handler);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    private static void stream(XMLStreamReader reader, Handler handler) throws XMLStreamException {
        while (reader.hasNext()) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> handler.start(reader);
                case XMLStreamConstants.END_ELEMENT -> handler.end(reader);
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (handler.wantsText()) {
                        text(reader, handler);
                    }
                }
                case XMLStreamConstants.DTD -> throw new XMLStreamException(
                        "A document type declaration (DOCTYPE) is not allowed in a workbook part",
                        reader.getLocation());
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException(
                        "Entity reference &" + reader.getLocalName() + "; is not allowed in a workbook part",
                        reader.getLocation());
                default -> {
                }
            }
        }
    }

    /**
     * Hands the current text to the handler. Aalto parses text lazily, when it is first asked for, and reports a
     * malformed one then as its unchecked wrapper, unwrapped here.
     */
    private static void text(XMLStreamReader reader, Handler handler) throws XMLStreamException {
        char[] chars;
        try {
            chars = reader.getTextCharacters();
        } catch (UncheckedStreamException e) {
            throw e.getCause() instanceof XMLStreamException cause ? cause : new XMLStreamException(e.getMessage(), e);
        }
        handler.text(chars, reader.getTextStart(), reader.getTextLength());
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = new InputFactoryImpl();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        return factory;
    }
}
