package import ArabicText

/// The gazetteers indexed for tagging: a phrase trie over every name and cue word, the
/// function words, and a tokenizer that uses the known words to split proclitics.
package struct TaggingLexicon: Sendable {
    let gazetteer: Gazetteer
    let tokenizer: ArabicTokenizer
    private let index: PhraseIndex
    /// Function words with ى kept (see ``TaggedWord/Reading/plainBase``).
    private let functionWords: WordHashSet
    /// Words of a general dictionary (``WordKnowledge/commonWords``): without capitals, a word in
    /// it needs more evidence before it is read as a name.
    let commonWords: WordHashSet

    package init(gazetteer: Gazetteer, commonWords: WordHashSet = WordHashSet([])) {
        let normalizer = ArabicNormalizer()
        let splitter = ArabicTokenizer()
        var index = PhraseIndex()
        var knownWords = Set<String>()
        var functionWords = Set<String>()
        for (position, entry) in gazetteer.entries.enumerated() {
            for form in entry.forms {
                let key = normalizer.matchingKey(form)
                let words = splitter.tokenize(key).map {
                    String(scalars: key.scalars[$0.normalizedRange])
                }
                guard let first = words.first else { continue }
                if entry.kind == .functionWord {
                    let plain = ParagraphAnalysis.plainScalars(of: key, source: Array(form.unicodeScalars)[...])
                    functionWords.insert(String(scalars: plain))
                }
                var variants = [words]
                if entry.kind.ignoresArticle {
                    let other = first.hasPrefix("ال") && first.count > 3 ? String(first.dropFirst(2)) : "ال" + first
                    variants.append([other] + words.dropFirst())
                }
                for variant in variants {
                    index.insert(variant, entry: position)
                    // The tokenizer's splits feed the trained model's features: only what it was made with.
                    if entry.informsModel { knownWords.insert(variant[0]) }
                }
            }
        }
        self.gazetteer = gazetteer
        self.commonWords = commonWords
        self.index = index
        self.functionWords = WordHashSet(functionWords)
        self.tokenizer = ArabicTokenizer(lexicon: WordHashSet(knownWords))
    }

    /// Whether the word is in the general dictionary as written or under a common inflection:
    /// the dictionary lists stems (متقدم, بعد, شعار) while text writes متقدما, يبعدها, الأسبوع
    /// and بشعارات, and a name rule must not read those as surnames.
    ///
    /// A reading that splits off a proclitic counts only when four letters remain, or three
    /// ending in ة (بقوة): كمال is not ك + مال. Keys and dictionary are matching keys, so ة is
    /// written ه and أ ا.
    func isCommonWord(_ word: TaggedWord) -> Bool {
        if commonWords.contains(hash: word.keyHash) { return true }
        return word.readings.contains { reading in
            let stem = reading.stemScalars
            guard !reading.segmentation.hasProclitics || stem.count >= 4 || stem.count == 3 && stem.last == "ه"
            else { return false }
            return isInflectedCommonWord(Array(stem)[...])
        }
    }

    /// Whether splitting off و ف ب or ل leaves a dictionary word of three letters or more, as
    /// written: "لعدد", "وقال", "بحضور". After a given name such a word reads as the sentence going
    /// on, though ``isCommonWord(_:)`` leaves three-letter stems out for كمال. ك is left out: a
    /// comparison seldom follows a name, and names from abroad begin with it (جون كنيدي).
    func isCommonWordAfterProclitic(_ word: TaggedWord) -> Bool {
        word.readings.contains { reading in
            let preposition = reading.segmentation.preposition
            guard reading.segmentation.conjunction != nil || (preposition != nil && preposition != "\u{0643}") else {
                return false
            }
            let stem = reading.stemScalars
            return stem.count >= 3 && commonWords.contains(scalars: stem)
        }
    }

    /// Whether `scalars`, or `scalars` without one inflectional ending and a present-tense
    /// prefix, is in the dictionary. The dictionary gives verbs in the past tense: the present
    /// يلتقي of التقى (and سيلتقي, its future) is looked up as التقي as well as لتقي.
    private func isInflectedCommonWord(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        for stem in [scalars] + Self.suffixes.compactMap({ Self.strip(suffix: $0, from: scalars) }) {
            if commonWords.contains(scalars: stem) { return true }
            let verb = stem.first == "س" && stem.count > 4 ? stem.dropFirst() : stem
            guard let first = verb.first, Self.presentTensePrefixes.contains(first), verb.count > 3 else { continue }
            if commonWords.contains(scalars: verb.dropFirst())
                || commonWords.contains(scalars: ["ا"] + verb.dropFirst())
            {
                return true
            }
        }
        return false
    }

    /// Endings that inflect a stem: attached pronouns, plurals and duals, the feminine ة (ه in a
    /// key) and the accusative ا; longest first, so that هما is tried before ها.
    private static let suffixes: [[Unicode.Scalar]] = [
        "هما", "كما", "تين", "تان", "ها", "هم", "هن", "كم", "نا", "ات", "ون", "ين", "ان", "وا", "ه", "ا",
    ].map { Array($0.unicodeScalars) }
    private static let presentTensePrefixes: Set<Unicode.Scalar> = ["ي", "ت", "ن"]

    /// `scalars` without `suffix`, when at least three letters remain.
    private static func strip(suffix: [Unicode.Scalar], from scalars: ArraySlice<Unicode.Scalar>)
        -> ArraySlice<Unicode.Scalar>?
    {
        guard scalars.count >= suffix.count + 3, scalars.suffix(suffix.count).elementsEqual(suffix) else { return nil }
        return scalars.dropLast(suffix.count)
    }

    func entry(_ position: Int) -> GazetteerEntry {
        gazetteer.entries[position]
    }

    /// Whether the trained model reads the entry `match` found (``GazetteerEntry/informsModel``).
    func informsModel(_ match: PhraseMatch) -> Bool {
        gazetteer.entries[match.entry].informsModel
    }

    /// Every gazetteer phrase that starts at `start`, under every reading of its first word.
    func matches(at start: Int, in words: [TaggedWord]) -> [PhraseMatch] {
        var result: [PhraseMatch] = []
        for reading in words[start].readings {
            guard var node = index.child(of: PhraseIndex.root, hash: reading.baseHash) else { continue }
            var end = start + 1
            while true {
                for position in index.entries(at: node) {
                    result.append(
                        PhraseMatch(entry: position, kind: entry(position).kind, words: start..<end, reading: reading)
                    )
                }
                guard end < words.count, let next = index.child(of: node, hash: words[end].keyHash) else { break }
                node = next
                end += 1
            }
        }
        return result
    }

    /// The longest organization listed as `head` followed by the words from `start` (تنظيم +
    /// القاعدة), read with the first word's `reading`: a name the text gives without its head.
    func organization(
        namedAfter head: String, at start: Int, reading: TaggedWord.Reading, in words: [TaggedWord]
    ) -> PhraseMatch? {
        guard var node = index.child(of: PhraseIndex.root, head),
            let first = index.child(of: node, hash: reading.baseHash)
        else { return nil }
        node = first
        var end = start + 1
        var best: PhraseMatch?
        while true {
            if let position = index.entries(at: node).first(where: { entry($0).kind == .organization }) {
                best = PhraseMatch(entry: position, kind: .organization, words: start..<end, reading: reading)
            }
            guard end < words.count, let next = index.child(of: node, hash: words[end].keyHash) else { break }
            node = next
            end += 1
        }
        return best
    }

    /// Whether a reading of the word (whole, or without a conjunction or preposition) is a
    /// function word.
    /// - Parameter distinguishesAlefMaqsura: whether the text writes ى at all; a text that
    ///   never does writes على as علي, so a final ي may stand for ى.
    func isFunctionWord(_ word: TaggedWord, distinguishesAlefMaqsura: Bool) -> Bool {
        word.readings.contains { reading in
            let plain = reading.plainBase.unicodeScalars
            if functionWords.contains(scalars: plain) { return true }
            guard !distinguishesAlefMaqsura, plain.last == "\u{064A}" else { return false }
            return functionWords.contains(scalars: plain.dropLast() + ["\u{0649}"])
        }
    }
}

/// A gazetteer phrase found in a paragraph.
struct PhraseMatch: Sendable {
    /// The position of the entry in the gazetteer.
    let entry: Int
    let kind: LexiconKind
    /// The paragraph's words the phrase covers.
    let words: Range<Int>
    /// How the first word was read: the phrase starts at its base.
    let reading: TaggedWord.Reading
}
