import ArabicText

/// Finds the places, organizations and people listed in the gazetteers, under any reading
/// of the first word's proclitics (لفيينا, بالرباط, للولايات المتحدة).
enum GazetteerRecognizer {
    static func candidates(in context: ParagraphContext) -> [MentionCandidate] {
        context.words.indices.flatMap { position in
            context.allMatches(at: position, [.location, .organization, .person]).compactMap { match in
                // A one-word place that describes the noun before it is no place.
                guard !(match.words.count == 1 && context.isCountryAsAdjective(at: position)) else { return nil }
                // A listed person after بن, بنت or ولد is a parent's name within a child's ("حمدان بن محمد بن راشد").
                guard !(match.kind == .person && context.longestMatch(at: position - 1, [.nameParticle]) != nil)
                else { return nil }
                return match.kind.entityType.map { type in
                    context.candidate(
                        type, words: match.words, reading: match.reading, origin: .gazetteer, entry: match.entry)
                }
            }
        }
    }
}
