public import ArabicText

/// The keys under which articles and entities are indexed and found, the same for every backend.
///
/// Both sides use matching keys, so أ/إ/ا, ى/ي and ة/ه variants meet. An article is indexed under every reading
/// of each word without its proclitics and article (لفيينا also as فيينا, الحموشي as حموشي); a query word is read
/// once, without its article only, so that فيينا finds لفيينا and بفيينا, and الحموشي finds حموشي and
/// عبد اللطيف حموشي.
public enum SearchKeys {
    private static let tokenizer = ArabicTokenizer()

    /// The space-separated terms to index for `text`.
    public static func indexed(_ text: String) -> String {
        var terms = IndexedTerms()
        terms.add(text)
        return terms.text
    }

    /// The terms a text query asks for, each to be found among an article's ``indexed(_:)`` terms; empty when the
    /// query has no words.
    public static func queryTerms(_ query: String) -> [String] {
        var terms: [String] = []
        forEachWord(of: query) { word in
            let base = tokenizer.baseScalars(ofWord: word, tokenizer.segment(word))
            terms.append(String(scalars: DefiniteArticle.strip(from: base)))
        }
        return terms
    }

    /// The key a name is listed and prefix-matched under.
    public static func name(_ name: String) -> String {
        ArabicNormalizer().matchingKey(name).string
    }

    /// The keys a name is looked up under (``ArticleStore/entities(named:type:limit:)``): the canonical keys it may
    /// be, with and without the article, and its alias key; `nil` when the name has no letter or digit.
    public static func lookup(_ name: String) -> (canonicalKeys: [String], aliasKey: String)? {
        guard name.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil })
        else { return nil }
        let key = Self.name(name)
        let alias = Self.alias(name)
        var keys = [key]
        for candidate in [alias, "\u{0627}\u{0644}" + alias] where !keys.contains(candidate) { keys.append(candidate) }
        return (keys, alias)
    }

    /// The key of a person's alias: the matching key without a leading article, so حموشي and الحموشي meet.
    public static func alias(_ name: String) -> String {
        String(scalars: DefiniteArticle.strip(from: ArabicNormalizer().matchingKey(name).scalars))
    }

    /// The terms of an article, collected word by word: ``indexed(_:)``'s, for a caller that has already split each
    /// word into its readings (the enricher, whose tagger did).
    public struct IndexedTerms: Sendable {
        // Built as scalars: a String per reading and a Set<String> per word cost more than the tokenizer.
        @usableFromInline var scalars: [Unicode.Scalar] = []

        public init() {}

        /// The terms so far, space-separated.
        public var text: String { String(scalars: scalars) }

        /// Adds the terms of every word of `text`.
        public mutating func add(_ text: String) {
            let tokenizer = SearchKeys.tokenizer
            SearchKeys.forEachWord(of: text) { word in
                add(
                    readings: tokenizer.segmentations(ofWord: word).lazy.map { tokenizer.baseScalars(ofWord: word, $0) }
                )
            }
        }

        /// Adds one word's terms: each distinct base among its readings, without a leading article.
        /// - Parameter bases: the word's matching key with each possible split of proclitics removed, ال kept.
        @inlinable
        public mutating func add<Base: Collection<Unicode.Scalar>>(readings bases: some Sequence<Base>) {
            var seen: [Base.SubSequence] = []
            for base in bases {
                let term = DefiniteArticle.strip(from: base)
                guard !seen.contains(where: { $0.elementsEqual(term) }) else { continue }
                seen.append(term)
                if !scalars.isEmpty { scalars.append(" ") }
                scalars += term
            }
        }
    }

    /// Calls `body` with the scalars of each word or number of the matching key of `text`.
    private static func forEachWord(of text: String, _ body: (ArraySlice<Unicode.Scalar>) -> Void) {
        let key = ArabicNormalizer().matchingKey(text)
        for token in tokenizer.tokenize(key) where token.kind != .punctuation {
            body(key.scalars[token.normalizedRange])
        }
    }
}
