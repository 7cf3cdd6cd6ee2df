internal import ArticleModel
internal import EntityTagging

/// A CoNLL corpus cut into articles with gold in the shape of ``ArticleGold``, so that the
/// enricher is scored per article, by type and surface, as on the seeds' gold.
///
/// Each run of `sentencesPerArticle` sentences is one article. Its gold holds one entity per
/// distinct surface of PER, ORG and LOC (MISC has no counterpart), except that surfaces that
/// differ only by proclitics are one entity (بألمانيا, وألمانيا and ألمانيا: the corpus does not
/// split them off, the seeds' gold does), and a person's shorter name joins a longer one it is
/// part of (بوتين joins فلاديمير بوتين), as the enricher links them.
public struct CoNLLArticle: Sendable {
    public let text: String
    public let gold: ArticleGold

    public static func articles(from sentences: [LabeledSentence], sentencesPerArticle: Int = 25) -> [CoNLLArticle] {
        stride(from: 0, to: sentences.count, by: sentencesPerArticle).map { start in
            let part = Array(sentences[start..<min(start + sentencesPerArticle, sentences.count)])
            let name = "sentences \(start + 1)-\(start + part.count)"
            return CoNLLArticle(
                text: SentenceText(part.map(\.tokens)).text,
                gold: ArticleGold(file: name, publishedAt: nil, entities: entities(in: part))
            )
        }
    }

    private static func entities(in sentences: [LabeledSentence]) -> [ArticleGold.GoldEntity] {
        var surfaces: [EntityType: [String]] = [:]
        for sentence in sentences {
            for span in EntitySpan.spans(in: sentence.tags) {
                guard let type = span.type.entityType else { continue }
                let surface = sentence.tokens[span.tokens].joined(separator: " ")
                if !(surfaces[type]?.contains(surface) ?? false) { surfaces[type, default: []].append(surface) }
            }
        }
        return surfaces.flatMap { type, names in
            // Longest first, so that shorter names find the fuller one they belong to.
            var groups: [[String]] = []
            var groupOfKey: [String: Int] = [:]
            for name in names.sorted(by: { $0.split(separator: " ").count > $1.split(separator: " ").count }) {
                let words = name.split(separator: " ")
                let keys = ArticleEntityEvaluation.comparisonKeys(name)
                let group: Int
                if let known = keys.lazy.compactMap({ groupOfKey[$0] }).first {
                    group = known
                    groups[group].append(name)
                } else if type == .person,
                    let fuller = groups.firstIndex(where: { Self.contains($0[0].split(separator: " "), words) })
                {
                    group = fuller
                    groups[group].append(name)
                } else {
                    group = groups.count
                    groups.append([name])
                }
                for key in keys where groupOfKey[key] == nil { groupOfKey[key] = group }
            }
            return groups.map { ArticleGold.GoldEntity(type: type, canonical: $0[0], surfaces: $0) }
        }
    }

    /// Whether `part` occurs in `whole` as consecutive words.
    private static func contains(_ whole: [Substring], _ part: [Substring]) -> Bool {
        guard part.count < whole.count else { return false }
        return (0...(whole.count - part.count)).contains { whole[$0..<($0 + part.count)].elementsEqual(part) }
    }
}
