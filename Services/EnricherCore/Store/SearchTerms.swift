internal import ArabicText
import Foundation

/// The words SQLite's full-text index holds for an article, and the query that finds them.
///
/// Both sides use matching keys, so أ/إ/ا, ى/ي and ة/ه variants meet. The index holds every
/// reading of each word without its proclitics and article (لفيينا also as فيينا, الحموشي as
/// حموشي); a query word is read once, without its article only, so that فيينا finds لفيينا and
/// بفيينا, and الحموشي finds حموشي and عبد اللطيف حموشي.
enum SearchTerms {
    private static let tokenizer = ArabicTokenizer()

    /// The space-separated terms to index for `text`.
    static func indexed(_ text: String) -> String {
        // Built as scalars: a String per reading and a Set<String> per word cost more than the tokenizer.
        var terms: [Unicode.Scalar] = []
        forEachWord(of: text) { word in
            var seen: [ArraySlice<Unicode.Scalar>] = []
            for segmentation in tokenizer.segmentations(ofWord: word) {
                let term = TaggedWord.withoutArticle(scalars: tokenizer.baseScalars(ofWord: word, segmentation))
                guard !seen.contains(where: { $0.elementsEqual(term) }) else { continue }
                seen.append(term)
                if !terms.isEmpty { terms.append(" ") }
                terms += term
            }
        }
        return String(scalars: terms)
    }

    /// An FTS5 query that matches texts holding every word of `query`; `nil` when it has no words.
    static func match(_ query: String) -> String? {
        var terms: [String] = []
        forEachWord(of: query) { word in
            terms.append(stem(tokenizer.baseScalars(ofWord: word, tokenizer.segment(word))))
        }
        guard !terms.isEmpty else { return nil }
        // Quoted: a term is a string to FTS5, never an operator, whatever the user typed.
        return terms.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " AND ")
    }

    /// Calls `body` with the scalars of each word or number of the matching key of `text`.
    private static func forEachWord(of text: String, _ body: (ArraySlice<Unicode.Scalar>) -> Void) {
        let key = ArabicNormalizer().matchingKey(text)
        for token in tokenizer.tokenize(key) where token.kind != .punctuation {
            body(key.scalars[token.normalizedRange])
        }
    }

    /// A base without a leading article, as the tagger compares names.
    private static func stem(_ base: [Unicode.Scalar]) -> String {
        String(scalars: TaggedWord.withoutArticle(scalars: base))
    }
}
