import ArabicText
import ArticleModel

/// Chooses among overlapping candidates: the longest wins, then the more reliable origin
/// (dates, then gazetteer names, then rules, then coreference), then the earliest.
enum MentionResolver {
    static func resolve(_ candidates: [MentionCandidate]) -> [MentionCandidate] {
        let ranked = candidates.sorted { lhs, rhs in
            if lhs.normalizedRange.count != rhs.normalizedRange.count {
                return lhs.normalizedRange.count > rhs.normalizedRange.count
            }
            if lhs.origin != rhs.origin { return lhs.origin > rhs.origin }
            return (lhs.paragraph, lhs.normalizedRange.lowerBound) < (rhs.paragraph, rhs.normalizedRange.lowerBound)
        }
        return adding(ranked, to: [])
    }

    /// `mentions` with the people that the rules found replaced by a longer person of `found`
    /// that holds all the mentions it overlaps: the rules stop at a word they do not know
    /// (طلال | بن عبد العزيز آل سعود), a trained tagger reads the whole name.
    static func widening(people mentions: [MentionCandidate], to found: [MentionCandidate]) -> [MentionCandidate] {
        var result = mentions
        for candidate in found where candidate.type == .person {
            let held = result.indices.filter { result[$0].overlaps(candidate) }
            guard !held.isEmpty,
                held.allSatisfy({ result[$0].isRulePerson(within: candidate) })
            else { continue }
            for index in held.reversed() { result.remove(at: index) }
            result.append(candidate)
        }
        return result.sorted {
            ($0.paragraph, $0.normalizedRange.lowerBound) < ($1.paragraph, $1.normalizedRange.lowerBound)
        }
    }

    /// `mentions` (in text order) with two people side by side made one: the rules and the trained tagger may
    /// each find a part of a name no list holds ("كريستيانو" | "رونالدو"), and two people are seldom written
    /// without و or a mark between them. Listed people are whole already.
    static func joiningAdjacentPeople(_ mentions: [MentionCandidate], in contexts: [ParagraphContext])
        -> [MentionCandidate]
    {
        var result: [MentionCandidate] = []
        result.reserveCapacity(mentions.count)
        for mention in mentions {
            if let last = result.last, last.type == .person, mention.type == .person, last.entry == nil,
                mention.entry == nil, last.paragraph == mention.paragraph,
                last.words.upperBound == mention.words.lowerBound,
                isPartOfName(at: mention.words.lowerBound, in: contexts[mention.paragraph])
            {
                result[result.count - 1] = last.joined(with: mention)
            } else {
                result.append(mention)
            }
        }
        return result
    }

    /// `mentions` (in text order) with a person cut short where the words after it go on as another mention writes
    /// that person's name: "رئيس الحكومة عبد الحميد | الدبيبة" when the article also writes "عبد الحميد الدبيبة"
    /// whole. The words must be the name's, one by one, and held by no other mention.
    static func completingPeople(_ mentions: [MentionCandidate], in contexts: [ParagraphContext])
        -> [MentionCandidate]
    {
        let names = Set(mentions.lazy.filter { $0.type == .person && $0.nameKey.count >= 2 }.map(\.nameKey))
        guard !names.isEmpty else { return mentions }
        var result = mentions
        for index in result.indices where result[index].type == .person {
            let mention = result[index]
            let words = contexts[mention.paragraph].words
            let free =
                index + 1 < result.count && result[index + 1].paragraph == mention.paragraph
                ? result[index + 1].words.lowerBound : words.count
            let longest = names.lazy.filter { name in
                name.count > mention.nameKey.count && name.starts(with: mention.nameKey)
                    && mention.words.upperBound + name.count - mention.nameKey.count <= free
                    && zip(name.dropFirst(mention.nameKey.count), words[mention.words.upperBound...]).allSatisfy {
                        $1.kind == .word && $0 == $1.nameKey
                    }
            }.max { $0.count < $1.count }
            if let longest {
                result[index] = mention.extended(
                    to: mention.words.upperBound + longest.count - mention.nameKey.count,
                    in: contexts[mention.paragraph],
                    nameKey: longest)
            }
        }
        return result
    }

    /// Whether the word at `position`, starting a person right after another person, goes on that name: not
    /// after a switch of script ("دينيس ريتشي Dennis Ritchie" names one man twice), nor with a و or ف it may
    /// begin with ("أرسطو وبطليموس" are two), nor as a function word ("على عثمان").
    private static func isPartOfName(at position: Int, in context: ParagraphContext) -> Bool {
        let word = context.words[position]
        return (word.kind == .latin) == (context.words[position - 1].kind == .latin) && !word.mayStartWithConjunction
            && !word.hasConjunctionOrPreposition && !context.isFunctionWord(at: position)
    }

    /// `accepted` plus those of `candidates`, in order, that overlap nothing accepted before.
    ///
    /// A mention lies within its words and covers the last scalar of each, so two mentions
    /// overlap exactly when they share a word. Each word therefore has at most one accepted
    /// mention, found by a lookup, and the work is linear in the words the candidates cover
    /// rather than in candidates times mentions.
    /// - Precondition: no two mentions of `accepted` overlap, as in every result of this type.
    static func adding(_ candidates: [MentionCandidate], to accepted: [MentionCandidate]) -> [MentionCandidate] {
        var result = accepted
        var holders = WordHolders()
        for index in accepted.indices { holders.claim(accepted[index], index: index) }
        for candidate in candidates where !holders.overlapsHolder(of: candidate, in: result) {
            holders.claim(candidate, index: result.count)
            result.append(candidate)
        }
        return result.sorted {
            ($0.paragraph, $0.normalizedRange.lowerBound) < ($1.paragraph, $1.normalizedRange.lowerBound)
        }
    }

    /// The accepted mention that holds each word, by paragraph and word.
    private struct WordHolders {
        private var holders: [WordKey: Int] = [:]

        private struct WordKey: Hashable {
            let paragraph: Int
            let word: Int
        }

        mutating func claim(_ mention: MentionCandidate, index: Int) {
            for word in mention.words {
                holders[WordKey(paragraph: mention.paragraph, word: word)] = index
            }
        }

        /// Whether a mention of `accepted` that holds one of the candidate's words overlaps it.
        func overlapsHolder(of candidate: MentionCandidate, in accepted: [MentionCandidate]) -> Bool {
            candidate.words.contains { word in
                holders[WordKey(paragraph: candidate.paragraph, word: word)].map { accepted[$0].overlaps(candidate) }
                    ?? false
            }
        }
    }
}

extension MentionCandidate {
    /// Whether this is a person found by a rule, lying wholly within the longer `other`.
    fileprivate func isRulePerson(within other: MentionCandidate) -> Bool {
        type == .person && origin == .rule && paragraph == other.paragraph
            && other.normalizedRange.lowerBound <= normalizedRange.lowerBound
            && normalizedRange.upperBound <= other.normalizedRange.upperBound
            && normalizedRange.count < other.normalizedRange.count
    }
}
