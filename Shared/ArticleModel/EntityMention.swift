/// One occurrence of an entity in a text.
///
/// Offsets count Unicode scalars, half-open: `text` is exactly the scalars `start..<end` of the
/// text the mention was found in.
public struct EntityMention: Sendable, Hashable, Codable {
    public var text: String
    public var start: Int
    public var end: Int

    public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
}
