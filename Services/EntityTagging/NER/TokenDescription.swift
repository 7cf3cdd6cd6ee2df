internal import ArabicText

/// What the feature templates read from one corpus token, as hashes and small codes.
package struct TokenDescription {
    var word: UInt64
    package var stem: UInt64
    var bareStem: UInt64
    var prefixes: AffixHashes
    /// The last one, two and three letters, shortest first.
    var suffixes: AffixHashes
    var stemPrefixes: AffixHashes
    /// The stems under which the token may repeat a name: the stem, then those of the other
    /// readings of its proclitics (ومتعب as متعب); stems under three letters are left out.
    var nameStems: [UInt64]
    var shape: UInt64
    var clitics: UInt64
    /// Two bits per gazetteer kind: a phrase of the kind begins at the token, or continues.
    var gazetteerBitSet: UInt32
    /// The word's cluster code (``WordKnowledge/clusters``), 0 for a word without one.
    var cluster: UInt32 = 0
    /// Bit 1: the word is in the dictionary, bit 2 its stem, bit 3 its bare stem; bit 0 is
    /// always set, so that boundaries (0) differ from words in none of them.
    var dictionary: UInt64 = 0
    /// Two bits per ``WordKnowledge/PlaceKind``: a place name begins at the token, or continues.
    var placeBits: UInt8 = 0

    /// Whether the word carries the article and it or its stem is in the general dictionary.
    var isDefiniteDictionaryWord: Bool { clitics & 0b1100 != 0 && dictionary & 0b110 != 0 }

    /// Stands for the positions before the first and after the last token.
    static let boundary = TokenDescription(
        word: 1,
        stem: 1,
        bareStem: 1,
        prefixes: AffixHashes(),
        suffixes: AffixHashes([1, 1, 1]),
        stemPrefixes: AffixHashes(),
        nameStems: [],
        shape: 1,
        clitics: 0,
        gazetteerBitSet: 0
    )

    private init(
        word: UInt64,
        stem: UInt64,
        bareStem: UInt64,
        prefixes: AffixHashes,
        suffixes: AffixHashes,
        stemPrefixes: AffixHashes,
        nameStems: [UInt64],
        shape: UInt64,
        clitics: UInt64,
        gazetteerBitSet: UInt32
    ) {
        self.word = word
        self.stem = stem
        self.bareStem = bareStem
        self.prefixes = prefixes
        self.suffixes = suffixes
        self.stemPrefixes = stemPrefixes
        self.nameStems = nameStems
        self.shape = shape
        self.clitics = clitics
        self.gazetteerBitSet = gazetteerBitSet
    }

    /// - Parameters:
    ///   - token: the token as written in the corpus.
    ///   - words: the tokenizer's words inside it (usually one; "(د" gives two).
    ///   - gazetteerBits: see ``gazetteerBitSet``.
    init(token: String, words: some Collection<TaggedWord>, gazetteerBits: UInt32) {
        // One word, the usual case, joins nothing.
        let key = words.count == 1 ? words.first!.key : words.isEmpty ? token : words.map(\.key).joined()
        let keyHashes = words.count == 1 ? words.first!.keyHashes : KeyHashes(key.unicodeScalars)
        let main = words.first { $0.kind == .word } ?? words.first
        let readings = main?.readings ?? []
        let chosen = main.flatMap { main in readings.firstIndex { $0.segmentation == main.token.segmentation } }
        let stemHashes = chosen.map { readings[$0].stemHashes } ?? keyHashes
        word = keyHashes.whole
        stem = stemHashes.whole
        prefixes = keyHashes.prefixes
        suffixes = keyHashes.suffixes
        // The first one or two letters, short of the whole stem.
        stemPrefixes = AffixHashes(stemHashes.prefixes.prefix(min(2, max(0, stemHashes.length - 1))))
        nameStems = []
        nameStems.reserveCapacity(readings.count + 1)
        if stemHashes.length >= 3 { nameStems.append(stemHashes.whole) }
        var bareStem = keyHashes.whole
        for index in readings.indices {
            let readingHashes = readings[index].stemHashes
            if readingHashes.length >= 3 { nameStems.append(readingHashes.whole) }
            bareStem = readingHashes.whole
        }
        self.bareStem = bareStem
        shape = Self.shape(of: words, keyLength: keyHashes.length)
        clitics = main.map { Self.clitics(of: $0.token.segmentation) } ?? 0
        gazetteerBitSet = gazetteerBits
    }

    /// Calls `body` with each gazetteer bit that is set, as a feature value.
    func forEachGazetteerBit(_ body: (UInt64) -> Void) {
        var remaining = gazetteerBitSet
        while remaining != 0 {
            body(UInt64(remaining.trailingZeroBitCount) + 1)
            remaining &= remaining - 1
        }
    }

    /// The kinds of the words in order (repeats merged, at most three), the length bucket,
    /// and whether a Latin word is capitalized or an acronym.
    private static func shape(of words: some Collection<TaggedWord>, keyLength: Int) -> UInt64 {
        var code: UInt64 = 0
        var kindCount: UInt64 = 0
        var lastKind: UInt64 = 0
        for word in words {
            let kind: UInt64 =
                switch word.kind {
                case .word: 1
                case .number: 2
                case .latin: 3
                case .punctuation: 4
                }
            if kind != lastKind, kindCount < 3 {
                code |= kind << (3 * kindCount)
                kindCount += 1
                lastKind = kind
            }
        }
        let lengthBucket: UInt64 =
            switch keyLength {
            case 0...4: UInt64(keyLength)
            case 5...6: 5
            case 7...9: 6
            default: 7
            }
        code |= lengthBucket << 9
        if words.contains(where: \.isCapitalizedLatin) { code |= 1 << 13 }
        if words.contains(where: \.isAcronym) { code |= 1 << 14 }
        return code + 2
    }

    private static func clitics(of segmentation: Segmentation) -> UInt64 {
        var code: UInt64 = 0
        if segmentation.conjunction != nil { code |= 1 }
        if segmentation.preposition != nil { code |= 2 }
        switch segmentation.article {
        case .none: break
        case .written: code |= 4
        case .contracted: code |= 8
        }
        return code
    }
}
