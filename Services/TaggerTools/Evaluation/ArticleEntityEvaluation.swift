internal import ArabicText
public import ArticleModel
internal import EntityTagging

/// Scores tagged articles against ``ArticleGold``: entity-level precision, recall and F1 per
/// type, whether every entity written in several ways came out as one entity, and whether
/// every gold date got its value.
///
/// A predicted entity matches a gold entity of the same type when they share a surface form,
/// compared as matching keys without a leading article or proclitics before it (so الحموشي
/// and حموشي, والمغرب and المغرب compare equal), or, for dates, when they have the same value
/// (a date is what it denotes, however much of "خلال الفترة الممتدة" its span takes in).
/// Each entity matches at most once.
public struct ArticleEntityEvaluation: Sendable {
    /// Counts of one entity type: matched entities are the true positives.
    public typealias Counts = EntityScore<EntityType>.Counts

    /// Something the tagger got wrong, for the report.
    public struct Finding: Sendable {
        public enum Kind: String, Sendable {
            case missed, spurious, split, wrongValue = "wrong value"
        }

        public let kind: Kind
        public let file: String
        public let type: EntityType
        public let text: String
    }

    public private(set) var counts: [EntityType: Counts] = [:]
    /// Gold entities with more than one surface form, and how many came out as one entity.
    public private(set) var multiSurface = 0
    public private(set) var coreferent = 0
    /// Gold dates, and how many were found with the gold value.
    public private(set) var dates = 0
    public private(set) var datesRight = 0
    public private(set) var findings: [Finding] = []

    public init() {}

    /// Counts over all types.
    public var micro: Counts {
        counts.values.reduce(Counts(), +)
    }

    /// Scores the entities tagged in one article.
    public mutating func add(gold: ArticleGold, predicted: [Entity]) {
        for type in EntityType.allCases {
            let goldEntities = gold.entities.filter { $0.type == type }
            let predictedEntities = predicted.filter { $0.type == type }
            score(type: type, gold: goldEntities, predicted: predictedEntities, file: gold.file)
        }
    }

    private mutating func score(
        type: EntityType, gold: [ArticleGold.GoldEntity], predicted: [Entity], file: String
    ) {
        let goldKeys = gold.map { Set(($0.surfaces + [$0.canonical]).flatMap(Self.comparisonKeys)) }
        let predictedKeys = predicted.map {
            Set(($0.mentions.map(\.text) + [$0.canonical]).flatMap(Self.comparisonKeys))
        }
        var taken = Set<Int>()
        var matched = 0
        for (index, entity) in gold.enumerated() {
            let sameValue = { (candidate: Int) in entity.value != nil && predicted[candidate].value == entity.value }
            let shared = { (candidate: Int) in
                predictedKeys[candidate].intersection(goldKeys[index]).count + (sameValue(candidate) ? 1 : 0)
            }
            let match = predictedKeys.indices
                .filter { !taken.contains($0) && shared($0) > 0 }
                .max { shared($0) < shared($1) }
            if let match {
                taken.insert(match)
                matched += 1
            } else {
                findings.append(Finding(kind: .missed, file: file, type: type, text: entity.canonical))
            }
            // Surfaces that differ only in proclitics (بتونس, تونس) are one way of writing the entity.
            var surfaces: [Set<String>] = []
            for keys in entity.surfaces.map({ Set(Self.comparisonKeys($0)) })
            where !surfaces.contains(where: { !$0.isDisjoint(with: keys) }) {
                surfaces.append(keys)
            }
            if surfaces.count > 1 {
                multiSurface += 1
                let holders = predictedKeys.indices.filter { candidate in
                    surfaces.contains { !predictedKeys[candidate].isDisjoint(with: $0) }
                }
                if let match, holders == [match], surfaces.allSatisfy({ !predictedKeys[match].isDisjoint(with: $0) }) {
                    coreferent += 1
                } else {
                    findings.append(Finding(kind: .split, file: file, type: type, text: entity.canonical))
                }
            }
            if type == .date {
                dates += 1
                if let match, predicted[match].value == entity.value {
                    datesRight += 1
                } else {
                    let got = match.flatMap { predicted[$0].value } ?? "nothing"
                    findings.append(
                        Finding(
                            kind: .wrongValue, file: file, type: type,
                            text: "\(entity.canonical): \(entity.value ?? "-") expected, \(got) found"))
                }
            }
        }
        for index in predicted.indices where !taken.contains(index) {
            findings.append(Finding(kind: .spurious, file: file, type: type, text: predicted[index].canonical))
        }
        counts[type, default: Counts()] =
            counts[type, default: Counts()]
            + Counts(
                truePositives: matched, falsePositives: predicted.count - matched,
                falseNegatives: gold.count - matched)
    }

    private static let normalizer = ArabicNormalizer()
    private static let tokenizer = ArabicTokenizer()

    /// The keys a surface matches under: its matching key with each way of splitting proclitics and the article off
    /// its first word, so بتونس and تونس share تونس, and والمغرب and المغرب share مغرب. A corpus that writes clitics
    /// glued to its tokens (ANERcorp) thus meets an enricher whose mentions leave them out.
    static func comparisonKeys(_ surface: String) -> [String] {
        let key = normalizer.key(surface)
        let words = key.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = words.first else { return [key] }
        let rest = words.dropFirst().map(String.init)
        return tokenizer.segmentations(ofWord: first.unicodeScalars).map { segmentation in
            ([String(first.unicodeScalars.dropFirst(segmentation.stemOffset))] + rest).joined(separator: " ")
        }
    }
}
