internal import ArabicText
import ArticleModel

/// Groups the mentions of an article into entities and names each entity.
///
/// Mentions of one gazetteer entry, or with the same name key, are one entity; a person's
/// shorter mention joins the fuller name it begins or ends (حموشي, عبد اللطيف → عبد اللطيف حموشي),
/// and an organization's the fuller name it is without its head or country (حماس → حركة حماس,
/// الهلال → نادي الهلال السعودي).
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
        var index = ClusterIndex()
        let ordered = mentions.sorted { $0.nameKey.count > $1.nameKey.count }
        for mention in ordered {
            if let found = index.first(for: mention, in: clusters) {
                clusters[found].mentions.append(mention)
                if clusters[found].entry == nil {
                    clusters[found].entry = mention.entry
                    index.add(entry: mention.entry, of: clusters[found], at: found)
                }
            } else {
                let nameKey = mention.type == .date ? [mention.value ?? ""] : mention.nameKey
                clusters.append(
                    Cluster(
                        type: mention.type, nameKey: nameKey, entry: mention.entry, value: mention.value,
                        mentions: [mention]))
                index.add(clusters[clusters.count - 1], at: clusters.count - 1)
                if mention.type == .organization, mention.words.count > 1 {
                    index.add(
                        shortNames: shortNames(of: mention, in: contexts[mention.paragraph]), at: clusters.count - 1)
                }
            }
        }
        // Clusters that name the same entity merge; their mentions are joined once, at the end.
        var entities: [String: Entity] = [:]
        var mergedMentions: [String: [EntityMention]] = [:]
        for cluster in clusters {
            let entity = entity(for: cluster, in: contexts, source: source)
            if let existing = entities[entity.id] {
                mergedMentions[entity.id, default: existing.mentions] += entity.mentions
            } else {
                entities[entity.id] = entity
            }
        }
        for (id, mentions) in mergedMentions {
            entities[id]?.mentions = Array(Set(mentions)).sorted { $0.start < $1.start }
        }
        return entities.values.sorted { ($0.mentions.first?.start ?? 0) < ($1.mentions.first?.start ?? 0) }
    }

    /// Finds the first cluster a mention belongs to without testing every cluster in turn,
    /// which made linking quadratic in the number of distinct names.
    ///
    /// A mention belongs to a cluster of its type with the same date value (dates), the same
    /// gazetteer entry or the same name key; a person's mention also to a cluster whose longer
    /// name key begins or ends with its own. Clusters are indexed by each of these, people's by
    /// the hashes of the shorter name keys they begin or end with.
    private struct ClusterIndex {
        private struct EntryKey: Hashable {
            let type: EntityType
            let entry: Int
        }

        private struct NameKey: Hashable {
            let type: EntityType
            let nameKey: [String]
        }

        /// A run of name-key words, by its hash and its length.
        private struct AffixKey: Hashable {
            let hash: Int
            let count: Int
        }

        /// Each key's first cluster, in creation order.
        private var byValue: [String?: Int] = [:]
        private var byEntry: [EntryKey: Int] = [:]
        private var byNameKey: [NameKey: Int] = [:]
        /// Organizations' clusters by the shorter names their first mention is also written by.
        private var byShortName: [[String]: Int] = [:]
        /// People's clusters by each proper prefix and suffix of their name key, in creation order.
        private var byPrefix: [AffixKey: [Int]] = [:]
        private var bySuffix: [AffixKey: [Int]] = [:]

        /// The index of the first cluster `mention` belongs to, as `clusters.firstIndex` would find it.
        func first(for mention: MentionCandidate, in clusters: [Cluster]) -> Int? {
            if mention.type == .date { return byValue[mention.value] }
            var found = byNameKey[NameKey(type: mention.type, nameKey: mention.nameKey)]
            if let entry = mention.entry, let index = byEntry[EntryKey(type: mention.type, entry: entry)] {
                found = min(found ?? index, index)
            }
            if mention.type == .organization, let index = byShortName[mention.nameKey] {
                found = min(found ?? index, index)
            }
            guard mention.type == .person else { return found }
            let count = mention.nameKey.count
            let prefix = AffixKey(hash: Self.hash(mention.nameKey), count: count)
            let suffix = AffixKey(hash: Self.hash(mention.nameKey.reversed()), count: count)
            // Hashes can collide: the first cluster that really begins or ends so is the one.
            let candidates = [
                byPrefix[prefix]?.first { clusters[$0].nameKey.starts(with: mention.nameKey) },
                bySuffix[suffix]?.first {
                    clusters[$0].nameKey.reversed().starts(with: mention.nameKey.reversed())
                },
            ]
            for case let index? in candidates { found = min(found ?? index, index) }
            return found
        }

        /// Indexes a new cluster.
        mutating func add(_ cluster: Cluster, at index: Int) {
            if cluster.type == .date {
                if byValue[cluster.value] == nil { byValue[cluster.value] = index }
                return
            }
            add(entry: cluster.entry, of: cluster, at: index)
            let key = NameKey(type: cluster.type, nameKey: cluster.nameKey)
            if byNameKey[key] == nil { byNameKey[key] = index }
            guard cluster.type == .person else { return }
            // Every proper prefix and suffix, the empty one included.
            let prefixes = Self.runningHashes(cluster.nameKey)
            let suffixes = Self.runningHashes(cluster.nameKey.reversed())
            for count in 0..<cluster.nameKey.count {
                byPrefix[AffixKey(hash: prefixes[count], count: count), default: []].append(index)
                bySuffix[AffixKey(hash: suffixes[count], count: count), default: []].append(index)
            }
        }

        /// Indexes an organization's cluster by its shorter names, each for the first cluster with it.
        mutating func add(shortNames: [[String]], at index: Int) {
            for name in shortNames where byShortName[name] == nil { byShortName[name] = index }
        }

        /// Indexes a cluster's gazetteer entry, when it has one and is the first with it.
        mutating func add(entry: Int?, of cluster: Cluster, at index: Int) {
            guard let entry, cluster.type != .date else { return }
            let key = EntryKey(type: cluster.type, entry: entry)
            byEntry[key] = min(byEntry[key] ?? index, index)
        }

        private static func hash(_ words: some Sequence<String>) -> Int {
            var hasher = Hasher()
            for word in words { hasher.combine(word) }
            return hasher.finalize()
        }

        /// The hashes of the first 0, 1, … n words, as ``hash(_:)`` would give them.
        private static func runningHashes(_ words: some Sequence<String>) -> [Int] {
            var hasher = Hasher()
            let empty = hasher
            var hashes = [empty.finalize()]
            for word in words {
                hasher.combine(word)
                let copy = hasher
                hashes.append(copy.finalize())
            }
            return hashes
        }
    }

    /// The shorter names an organization's mention is also written by in the same article: the name key
    /// without its head (حركة حماس → حماس) or without the nationality that ends it (وزارة الدفاع الأميركية →
    /// وزارة الدفاع). A club loses both (نادي الهلال السعودي → الهلال); elsewhere what is left of both is too often a
    /// plain word (إذاعة الجيش الإسرائيلي → الجيش).
    private func shortNames(of mention: MentionCandidate, in context: ParagraphContext) -> [[String]] {
        let words = mention.words
        let name = mention.nameKey
        let head = context.longestMatch(at: words.lowerBound, [.organizationHead, .weakOrganizationHead, .teamHead])
        let headCount = head.map { $0.words.upperBound < words.upperBound ? $0.words.count : 0 } ?? 0
        let countryCount =
            (words.lowerBound + 1..<words.upperBound).first {
                context.longestMatch(at: $0, [.nationality])?.words.upperBound == words.upperBound
            }.map { words.upperBound - $0 } ?? 0
        // Each is shorter than the name and not empty: a head or country counts only with a word beside it.
        var names: [[String]] = []
        if headCount > 0 { names.append(Array(name.dropFirst(headCount))) }
        if countryCount > 0 { names.append(Array(name.dropLast(countryCount))) }
        if headCount == 1, countryCount > 0, 1 + countryCount < name.count, Self.clubHeads.contains(name[0]) {
            names.append(Array(name.dropFirst().dropLast(countryCount)))
        }
        return names
    }

    /// Heads of clubs' names, as name keys.
    private static let clubHeads: Set<String> = ["نادي", "فريق"]

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
            let written = normalizer.normalize(source[range], form: .display).string
                .filter { $0 != "\"" }
                .split(separator: " ").joined(separator: " ")
            // لجمعية العامة (of للجمعية العامة) is named الجمعية العامة.
            canonical = fullest?.startsWithContractedArticle == true ? "ا" + written : written
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
