internal import EntityTagging
public import Foundation

/// Reads annotated corpora in the two-column CoNLL format: `token<TAB>tag` or `token tag` on
/// each line, a blank line between sentences, BIO tags over PER, ORG, LOC and MISC.
public enum CoNLLReader {
    /// Reads and parses one corpus file.
    /// - Throws: ``CoNLLError`` when the file cannot be read or a line is malformed.
    public static func read(contentsOf url: URL) throws(CoNLLError) -> [LabeledSentence] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CoNLLError(.unreadableFile, "\(error.localizedDescription)", dataFile: url.path)
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw CoNLLError(.unreadableFile, "not UTF-8", dataFile: url.path)
        }
        return try parse(text, file: url.path)
    }

    /// Parses corpus text; `file` names it in errors. Accepts CRLF line ends and a BOM.
    /// - Throws: ``CoNLLError`` naming the first malformed line.
    public static func parse(_ text: String, file: String) throws(CoNLLError) -> [LabeledSentence] {
        var sentences: [LabeledSentence] = []
        var tokens: [String] = []
        var tags: [BIOTag] = []
        func endSentence() {
            if !tokens.isEmpty { sentences.append(LabeledSentence(tokens: tokens, tags: tags)) }
            tokens.removeAll(keepingCapacity: true)
            tags.removeAll(keepingCapacity: true)
        }
        let body = text.hasPrefix("\u{FEFF}") ? text.dropFirst() : text[...]
        // "\r\n" is one Character, a line break like "\n".
        for (offset, line) in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if line.allSatisfy(\.isWhitespace) {
                endSentence()
                continue
            }
            // Tokens hold no spaces or tabs, so a line is exactly two fields.
            let separator: Character = line.contains("\t") ? "\t" : " "
            let fields = line.split(separator: separator, omittingEmptySubsequences: true)
            guard fields.count == 2 else {
                throw CoNLLError(
                    .malformedLine, "expected token<TAB>tag, got \"\(line)\"", dataFile: file, dataLine: offset + 1)
            }
            guard let tag = BIOTag(label: fields[1].trimmingCharacters(in: .whitespaces)) else {
                throw CoNLLError(.unknownTag, "unknown tag \"\(fields[1])\"", dataFile: file, dataLine: offset + 1)
            }
            tokens.append(fields[0].trimmingCharacters(in: .whitespaces))
            tags.append(tag)
        }
        endSentence()
        return sentences
    }
}
