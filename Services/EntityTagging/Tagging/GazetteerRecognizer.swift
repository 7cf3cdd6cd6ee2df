import ArabicText

/// Finds the places, organizations and people listed in the gazetteers, under any reading
/// of the first word's proclitics (لفيينا, بالرباط, للولايات المتحدة).
enum GazetteerRecognizer {
    static func candidates(in context: ParagraphContext) -> [MentionCandidate] {
        context.words.indices.flatMap { position in
            context.allMatches(at: position, [.location, .organization, .person]).compactMap { match in
                match.kind.entityType.map { type in
                    context.candidate(
                        type, words: match.words, reading: match.reading, origin: .gazetteer, entry: match.entry)
                }
            }
        }
    }
}
