public import EntityTagging

/// Entity-level precision, recall and F1 with exact matching, as conlleval counts them: a
/// predicted entity is right only when a gold entity has the same span and type.
///
/// Generic over the label and the span so that token spans of a corpus and character spans of
/// article gold are scored by the same arithmetic.
public struct EntityScore<Label: Hashable & Sendable>: Sendable {
    /// The counts for one label.
    public struct Counts: Sendable, Hashable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0

        public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
            self.truePositives = truePositives
            self.falsePositives = falsePositives
            self.falseNegatives = falseNegatives
        }

        /// The share of predicted entities that are right; 0 when nothing was predicted.
        public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
        /// The share of gold entities found; 0 when there is no gold entity.
        public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
        /// The harmonic mean of precision and recall; 0 when both are 0.
        public var f1: Double { ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives) }
        /// The number of gold entities.
        public var support: Int { truePositives + falseNegatives }
        /// The number of predicted entities.
        public var predicted: Int { truePositives + falsePositives }

        public static func + (lhs: Counts, rhs: Counts) -> Counts {
            Counts(
                truePositives: lhs.truePositives + rhs.truePositives,
                falsePositives: lhs.falsePositives + rhs.falsePositives,
                falseNegatives: lhs.falseNegatives + rhs.falseNegatives
            )
        }

        private func ratio(_ numerator: Int, _ denominator: Int) -> Double {
            denominator == 0 ? 0 : Double(numerator) / Double(denominator)
        }
    }

    public private(set) var counts: [Label: Counts] = [:]

    public init() {}

    /// Scores the entities of one unit (a sentence, an article). A span that occurs twice in
    /// the gold counts twice.
    /// - Parameter label: the label a span is scored under.
    public mutating func add<Span: Hashable>(gold: [Span], predicted: [Span], label: (Span) -> Label) {
        var unmatched: [Span: Int] = [:]
        for span in gold { unmatched[span, default: 0] += 1 }
        for span in predicted {
            if let left = unmatched[span], left > 0 {
                unmatched[span] = left - 1
                counts[label(span), default: Counts()].truePositives += 1
            } else {
                counts[label(span), default: Counts()].falsePositives += 1
            }
        }
        for (span, left) in unmatched where left > 0 {
            counts[label(span), default: Counts()].falseNegatives += left
        }
    }

    /// The counts for one label; zero when it never occurred.
    public subscript(label: Label) -> Counts { counts[label] ?? Counts() }

    /// Micro-averaged counts: the labels' counts summed before the ratios are taken.
    public func micro(over labels: some Sequence<Label>) -> Counts {
        labels.reduce(Counts()) { $0 + self[$1] }
    }
}

extension EntityScore where Label == NERType {
    /// Scores a tagged sentence against its gold tags.
    public mutating func add(gold: [BIOTag], predicted: [BIOTag]) {
        add(gold: EntitySpan.spans(in: gold), predicted: EntitySpan.spans(in: predicted), label: \.type)
    }
}
