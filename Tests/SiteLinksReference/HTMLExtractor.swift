import CLibXML2
import Foundation
public import SiteLinks

/// Extracts links and fragment targets from HTML with libxml2's HTML parser (not regular expressions).
///
/// libxml2's tree is read into Swift values and freed before `extract` returns. The reference the
/// tokenizer of `SiteLinks` is tested against (on every page of the real site); the shipped binary
/// does not link libxml2.
public enum HTMLExtractor {
    public static func extract(_ html: String) -> ExtractedPage {
        let bytes = Array(html.utf8)
        let lines = LineIndex(bytes)
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        guard let document = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
                }
            } ?? nil
        }) else { return ExtractedPage() }
        defer { xmlFreeDoc(document) }
        var page = ExtractedPage()
        var stack: [xmlNodePtr] = []
        if let root = document.pointee.children { stack.append(root) }
        // Depth first, siblings pushed in reverse, so links come out in document order.
        while let node = stack.popLast() {
            if let next = node.pointee.next { stack.append(next) }
            guard node.pointee.type == XML_ELEMENT_NODE else { continue }
            if let child = node.pointee.children { stack.append(child) }
            visit(node, lines: lines, into: &page)
        }
        return page
    }

    /// Whether libxml2's HTML parser reads `html` without reporting a single error: the inputs on which
    /// the scanner must agree with `extract` (libxml2 recovers from errors in ways of its own).
    public static func parsesWithoutErrors(_ html: String) -> Bool {
        let bytes = Array(html.utf8)
        guard !bytes.isEmpty, let context = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlCreateMemoryParserCtxt($0, Int32(buffer.count))
            }
        }) else { return false }
        defer { htmlFreeParserCtxt(context) }
        _ = htmlCtxtUseOptions(context, Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue))
        _ = htmlParseDocument(context)
        if let document = context.pointee.myDoc { xmlFreeDoc(document); context.pointee.myDoc = nil }
        return context.pointee.wellFormed == 1 && context.pointee.errNo == 0
    }

    /// Whether libxml2 decodes the named character reference `&name;`: it knows HTML 4's 253 names, not the
    /// standard's 2,231.
    public static func knowsReference(named name: String) -> Bool {
        htmlEntityLookup(name) != nil
    }

    private static func visit(_ node: xmlNodePtr, lines: LineIndex, into page: inout ExtractedPage) {
        let element = String(cString: node.pointee.name).lowercased()
        let line = Int(xmlGetLineNo(node))
        var attributes: [(name: String, value: String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = current.pointee.name.map { String(cString: $0) } ?? ""
            let prefix = current.pointee.ns?.pointee.prefix.map { String(cString: $0) + ":" } ?? ""
            if let raw = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)) {
                attributes.append(((prefix + name).lowercased(), String(cString: raw)))
                iopsite_xml_free(raw)
            }
            attribute = current.pointee.next
        }
        for (name, value) in attributes {
            if name == "id" || (element == "a" && name == "name") { page.targets.insert(value) }
        }
        var found: [(String, String)] = []
        for (name, value) in attributes where (LinkAttributes.byElement[element] ?? []).contains(name) {
            if name == "srcset" {
                found += SrcSet.candidates(value).map { (name, $0) }
            } else {
                found.append((name, value))
            }
        }
        if element == "meta", attributes.contains(where: { $0.name == "http-equiv" && $0.value.lowercased() == "refresh" }),
           let content = attributes.first(where: { $0.name == "content" })?.value, let url = MetaRefresh.url(content) {
            found.append(("content", url))
        }
        for (name, href) in found {
            page.links.append(ExtractedLink(href: href, element: element, attribute: name, line: line,
                                            column: lines.column(of: name, value: href, on: line)))
        }
    }
}

/// Finds the column of an attribute on a line of the page, for locating a link in the output.
struct LineIndex {
    let bytes: [UInt8]
    /// Byte offset where each line starts.
    let starts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
        self.starts = starts
    }

    /// The 1-based column (in Unicode scalars) of the attribute holding `value` on `line` (the element's
    /// line may hold several links), else of the first such attribute, else 1.
    func column(of attribute: String, value: String, on line: Int) -> Int {
        guard line >= 1, line <= starts.count else { return 1 }
        let start = starts[line - 1]
        let end = line < starts.count ? starts[line] : bytes.count
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        let escaped = value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
        let found = text.range(of: "\(attribute)=\"\(escaped)\"", options: .caseInsensitive)
            ?? text.range(of: escaped) ?? text.range(of: " \(attribute)=", options: .caseInsensitive)
        guard let range = found else { return 1 }
        let column = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound) + 1
        return text.unicodeScalars[range.lowerBound] == " " ? column + 1 : column
    }
}
