internal import ArabicText

/// What the entity tagger knows of words beyond its training corpus: word clusters learned from
/// unlabeled text, a general dictionary, and place names (see `scripts/make-tagger-knowledge.py`).
///
/// Words are held as FNV-1a hashes of their matching keys, the hashes ``TokenDescription`` holds
/// for its word and stem, so that looking a token up builds no string.
package struct WordKnowledge: Sendable {
    /// The cluster of each word: its bit string with a leading 1 marking its length.
    let clusters: [UInt64: UInt32]
    /// Words of a general dictionary: a word outside it is more likely a name.
    let commonWords: WordHashSet
    /// Place names: the combined hash of their words (``sequenceHash(_:_:)``), with the first word
    /// also without its article, to its ``PlaceKind``; the first words of longer names map to
    /// ``PlaceKind/beginning`` when they are no name of their own, so that a lookup stops at
    /// the first word that begins none.
    let places: [UInt64: PlaceKind]
    /// The most words in a place name.
    let longestPlace: Int
    /// A hash of the files the knowledge came from; models record it.
    let fingerprint: String

    enum PlaceKind: UInt8, Sendable {
        /// A name that is not a common word.
        case place = 0
        /// A name that is also a common word: only context makes it a place.
        case ambiguousPlace = 1
        /// Not a name, but the first words of one.
        case beginning = 2
    }

    static let empty = WordKnowledge(
        clusters: [:], commonWords: WordHashSet([]), places: [:], longestPlace: 0, fingerprint: "none")

    /// The hash of a word sequence from the hashes of its words, in order.
    static func sequenceHash(_ first: UInt64, _ next: UInt64) -> UInt64 {
        (first ^ 0x9e37_79b9_7f4a_7c15) &* 0xff51_afd7_ed55_8ccd ^ next
    }

    /// The first `length` bits of a cluster code, as a code again; a shorter code stays whole.
    static func clusterPrefix(_ code: UInt32, length: Int) -> UInt32 {
        let bits = 31 - code.leadingZeroBitCount
        return bits > length ? code >> (bits - length) : code
    }

    /// Fills in the knowledge features of a sentence's described tokens: cluster, dictionary
    /// code and the place names over each token.
    func annotate(_ tokens: inout [TokenDescription]) {
        for index in tokens.indices {
            let word = tokens[index].word
            let stem = tokens[index].stem
            tokens[index].cluster = clusters[word] ?? clusters[stem] ?? 0
            var dictionary: UInt64 = 1
            if commonWords.contains(hash: word) { dictionary |= 2 }
            if commonWords.contains(hash: stem) { dictionary |= 4 }
            if commonWords.contains(hash: tokens[index].bareStem) { dictionary |= 8 }
            tokens[index].dictionary = dictionary
        }
        guard longestPlace > 0 else { return }
        for start in tokens.indices {
            let word = tokens[start].word
            let stem = tokens[start].stem
            markPlaces(startingWith: word, at: start, in: &tokens)
            if stem != word { markPlaces(startingWith: stem, at: start, in: &tokens) }
        }
    }

    /// Sets the place bits of the names whose first word hashes to `first`, at `start`.
    private func markPlaces(startingWith first: UInt64, at start: Int, in tokens: inout [TokenDescription]) {
        var marks: [(end: Int, kind: PlaceKind)] = []
        forEachPlace(startingWith: first, at: start, count: tokens.count, wordHash: { tokens[$0].word }) {
            marks.append(($0, $1))
        }
        for (end, kind) in marks {
            let bit = 2 * kind.rawValue
            tokens[start].placeBits |= 1 << bit
            for inside in (start + 1)..<(end + 1) { tokens[inside].placeBits |= 1 << (bit + 1) }
        }
    }

    /// Calls `body` with the last word and the kind of each place name that starts at `start` with a first word
    /// hashing to `first`, shortest first; `wordHash` gives the matching-key hash of each of the `count` words.
    func forEachPlace(
        startingWith first: UInt64, at start: Int, count: Int, wordHash: (Int) -> UInt64,
        _ body: (Int, PlaceKind) -> Void
    ) {
        var hash = first
        for end in start..<min(count, start + longestPlace) {
            if end > start { hash = Self.sequenceHash(hash, wordHash(end)) }
            guard let kind = places[hash] else { return }
            if kind != .beginning { body(end, kind) }
        }
    }
}
