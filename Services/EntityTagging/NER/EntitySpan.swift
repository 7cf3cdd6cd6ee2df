/// An entity found in, or annotated on, a sentence: its type and the tokens it covers.
public struct EntitySpan: Sendable, Hashable {
    public let type: NERType
    public let tokens: Range<Int>

    public init(type: NERType, tokens: Range<Int>) {
        self.type = type
        self.tokens = tokens
    }

    /// The entities a BIO tag sequence encodes, read as conlleval does: an entity starts at
    /// B-X, or at an I-X that does not continue an entity of type X, and runs over the I-X
    /// that follow.
    public static func spans(in tags: [BIOTag]) -> [EntitySpan] {
        var spans: [EntitySpan] = []
        var open: (type: NERType, start: Int)?
        for (index, tag) in tags.enumerated() {
            if case .inside(let type) = tag, open?.type == type { continue }
            if let current = open {
                spans.append(EntitySpan(type: current.type, tokens: current.start..<index))
            }
            open = tag.type.map { ($0, index) }
        }
        if let current = open {
            spans.append(EntitySpan(type: current.type, tokens: current.start..<tags.count))
        }
        return spans
    }
}
