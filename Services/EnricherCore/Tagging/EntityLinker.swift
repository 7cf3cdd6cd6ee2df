internal import ArabicText
import ArticleModel

/// Groups the mentions of an article into entities and names each entity.
///
/// Mentions of one gazetteer entry, or with the same name key, are one entity; a person's
/// shorter mention joins the fuller name it begins or ends (حموشي, عبد اللطيف → عبد اللطيف حموشي).
/// The canonical form is the gazetteer's, else the fullest mention as displayed; dates are named
/// by their ISO value. The id is the type and the canonical form's name key, so the same entity
/// gets the same id in every article.
struct EntityLinker {
    let lexicon: TaggingLexicon
    private let normalizer = ArabicNormalizer()

    init(lexicon: TaggingLexicon) {
        self.lexicon = lexicon
    }

    private struct Cluster {
        let type: EntityType
        var nameKey: [String]
        var entry: Int?
        let value: String?
        var mentions: [MentionCandidate]
    }

    func entities(
        from mentions: [MentionCandidate],
        in contexts: [ParagraphContext],
        source: [Unicode.Scalar]
    ) -> [Entity] {
        var clusters: [Cluster] = []
        let ordered = mentions.sorted { $0.nameKey.count > $1.nameKey.count }
        for mention in ordered {
            if let index = clusters.firstIndex(where: { belongs(mention, to: $0) }) {
                clusters[index].mentions.append(mention)
                if clusters[index].entry == nil { clusters[index].entry = mention.entry }
            } else {
                let nameKey = mention.type == .date ? [mention.value ?? ""] : mention.nameKey
                clusters.append(
                    Cluster(
                        type: mention.type, nameKey: nameKey, entry: mention.entry, value: mention.value,
                        mentions: [mention]))
            }
        }
        var entities: [String: Entity] = [:]
        for cluster in clusters {
            let entity = entity(for: cluster, in: contexts, source: source)
            if var existing = entities[entity.id] {
                existing.mentions = Array(Set(existing.mentions + entity.mentions)).sorted { $0.start < $1.start }
                entities[entity.id] = existing
            } else {
                entities[entity.id] = entity
            }
        }
        return entities.values.sorted { ($0.mentions.first?.start ?? 0) < ($1.mentions.first?.start ?? 0) }
    }

    private func belongs(_ mention: MentionCandidate, to cluster: Cluster) -> Bool {
        guard mention.type == cluster.type else { return false }
        if mention.type == .date { return mention.value == cluster.value }
        if let entry = mention.entry, entry == cluster.entry { return true }
        if mention.nameKey == cluster.nameKey { return true }
        guard mention.type == .person, mention.nameKey.count < cluster.nameKey.count else { return false }
        return cluster.nameKey.starts(with: mention.nameKey)
            || cluster.nameKey.reversed().starts(with: mention.nameKey.reversed())
    }

    private func entity(for cluster: Cluster, in contexts: [ParagraphContext], source: [Unicode.Scalar]) -> Entity {
        let mentions = Set(
            cluster.mentions.map { mention in
                let range = contexts[mention.paragraph].analysis.sourceRange(of: mention.normalizedRange)
                return EntityMention(
                    text: String(scalars: source[range]),
                    start: range.lowerBound,
                    end: range.upperBound
                )
            }
        ).sorted { $0.start < $1.start }
        let canonical: String
        if cluster.type == .date {
            canonical = cluster.value ?? ""
        } else if let entry = cluster.entry {
            canonical = lexicon.entry(entry).canonical
        } else {
            // The mention with the most words; among those, the first in the text.
            let fullest = cluster.mentions.max { lhs, rhs in
                (lhs.nameKey.count, rhs.paragraph, rhs.normalizedRange.lowerBound)
                    < (rhs.nameKey.count, lhs.paragraph, lhs.normalizedRange.lowerBound)
            }
            let range = fullest.map { contexts[$0.paragraph].analysis.sourceRange(of: $0.normalizedRange) } ?? 0..<0
            // Quotes inside a name ("مركز “فيينا الدولي”") are the writer's, not the name's.
            canonical = normalizer.normalize(source[range], form: .display).string
                .filter { $0 != "\"" }
                .split(separator: " ").joined(separator: " ")
        }
        return Entity(
            id: "\(cluster.type.rawValue):\(cluster.type == .date ? canonical : idKey(of: canonical))",
            type: cluster.type,
            canonical: canonical,
            mentions: mentions,
            value: cluster.value
        )
    }

    /// The canonical form's words as matching keys without the article.
    private func idKey(of canonical: String) -> String {
        let key = normalizer.matchingKey(canonical)
        return lexicon.tokenizer.tokenize(key)
            .filter { $0.kind != .punctuation }
            .map { TaggedWord.withoutArticle(String(scalars: key.scalars[$0.normalizedRange])) }
            .joined(separator: " ")
    }
}
