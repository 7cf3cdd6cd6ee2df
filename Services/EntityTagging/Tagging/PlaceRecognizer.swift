import ArabicText
import ArticleModel

/// Finds places named after a word for a kind of place: "مدينة تيزنيت", "مدينة ود مدني".
///
/// The word (مدينة, بلدة, قرية, ولاية, إقليم, جهة, محافظة, قضاء …) is the context that makes a GeoNames name
/// (``WordKnowledge/places``) a place where the gazetteers do not list it, unless the name is also a common word
/// written without the article ("مدينة جديدة"; "محافظة الحديدة" is the place) or the text goes on past it. The
/// word itself stays outside the mention, as the gold's guide has it ("ليون", not "مدينة ليون").
struct PlaceRecognizer: Sendable {
    /// The place names of the trained tagger's knowledge; empty without a model.
    let knowledge: WordKnowledge

    /// Words for kinds of places, as matching keys.
    private static let heads = WordHashSet([
        "مدينه", "بلده", "قريه", "جهه", "ولايه", "اقليم", "محافظه", "عماله", "قضاء", "مخيم", "ناحيه", "مقاطعه",
        "بلديه", "دوار",
    ])

    func candidates(in context: ParagraphContext) -> [MentionCandidate] {
        context.words.indices.compactMap { position in
            // The tokenizer's reading: "وجهة نظر" is no جهة. Most words have no proclitic, and the key is then that
            // reading's base.
            let word = context.words[position]
            let isHead =
                word.hasConjunctionOrPreposition
                ? word.readings.contains {
                    $0.segmentation == word.token.segmentation && Self.heads.contains(hash: $0.baseHash)
                } : Self.heads.contains(hash: word.keyHash)
            guard isHead else { return nil }
            return place(at: position + 1, in: context)
        }
    }

    private func place(at start: Int, in context: ParagraphContext) -> MentionCandidate? {
        let words = context.words
        guard words.indices.contains(start), words[start].kind == .word,
            !words[start].hasConjunctionOrPreposition, !context.isFunctionWord(at: start),
            context.longestMatch(at: start, [.location, .organization, .person, .role, .givenName, .month]) == nil
        else { return nil }
        // A definite word after the head is in construct with it, no adjective of it: "محافظة الحديدة" names the
        // place even where the name is also a word, and "مدينة جديدة" is a new town.
        let definite = words[start].startsWithArticle
        var end = start
        knowledge.forEachPlace(
            startingWith: words[start].keyHash, at: start, count: words.count, wordHash: { words[$0].keyHash }
        ) { last, kind in
            if kind == .place || (definite && kind == .ambiguousPlace) { end = max(end, last + 1) }
        }
        // An indefinite name of one word the dictionary holds, inflected or not, is that word: "مدينة جديدة" is a
        // new town before it is El Jadida. A name that goes on past the listed one is another place ("بني | سهيلة").
        guard end > start, definite || end - start > 1 || !context.lexicon.isCommonWord(words[start]),
            !isUnlistedNameWord(at: end, in: context)
        else { return nil }
        return context.candidate(.location, words: start..<end, reading: words[start].readings[0], origin: .rule)
    }

    /// Whether the word at `position` may go on a name: a word without proclitics that no dictionary, list of
    /// given names or cue words holds.
    private func isUnlistedNameWord(at position: Int, in context: ParagraphContext) -> Bool {
        guard context.words.indices.contains(position) else { return false }
        let word = context.words[position]
        return word.kind == .word && word.length >= 2 && !word.hasConjunctionOrPreposition
            && !context.isFunctionWord(at: position) && !context.lexicon.isCommonWord(word)
            && !PersonRecognizer.startsName(at: position, in: context)
            && context.longestMatch(at: position, [.role, .organizationHead, .weakOrganizationHead, .nameParticle])
                == nil
    }
}
