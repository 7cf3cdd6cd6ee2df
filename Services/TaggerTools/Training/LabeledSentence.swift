public import EntityTagging

/// A sentence of an annotated corpus: its tokens and one BIO tag per token.
public struct LabeledSentence: Sendable, Hashable {
    public let tokens: [String]
    public let tags: [BIOTag]

    /// - Precondition: `tokens` and `tags` have the same length.
    public init(tokens: [String], tags: [BIOTag]) {
        precondition(tokens.count == tags.count, "one tag per token")
        self.tokens = tokens
        self.tags = tags
    }
}
