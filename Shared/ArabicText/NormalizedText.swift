/// Text produced by ``ArabicNormalizer``, with the way back to the text it came from.
///
/// Every normalized scalar remembers the range of source scalars it was made from. Deleted
/// marks and tatweel are folded into the range of the letter they sat on, so a mention that
/// ends on that letter also covers its diacritics in the source. Deleted invisible controls
/// belong to no range. Ranges never decrease, so a normalized range maps to one source range.
public struct NormalizedText: Sendable, Hashable {
    /// The normalized scalars.
    public let scalars: [Unicode.Scalar]
    /// The number of scalars in the source text.
    public let sourceCount: Int
    /// Where each normalized scalar came from; one array of pairs rather than two arrays, as
    /// normalization appends to it once per scalar.
    private let spans: [SourceSpan]

    /// A range of source scalars, in 32 bits: texts beyond 4 billion scalars are not supported.
    struct SourceSpan: Sendable, Hashable {
        var start: UInt32
        var end: UInt32
    }

    init(scalars: [Unicode.Scalar], spans: [SourceSpan], sourceCount: Int) {
        self.scalars = scalars
        self.spans = spans
        self.sourceCount = sourceCount
    }

    /// The normalized text as a string.
    public var string: String { String(scalars: scalars) }

    /// The number of normalized scalars.
    public var count: Int { scalars.count }

    /// The source scalar range that the normalized scalar at `index` came from.
    public func sourceRange(at index: Int) -> Range<Int> {
        Int(spans[index].start)..<Int(spans[index].end)
    }

    /// The source scalar range covered by a range of normalized scalars.
    ///
    /// An empty range maps to an empty source range at the matching position.
    /// - Parameter range: a range within `0...count`.
    public func sourceRange(for range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let position = range.lowerBound < count ? Int(spans[range.lowerBound].start) : sourceCount
            return position..<position
        }
        return Int(spans[range.lowerBound].start)..<Int(spans[range.upperBound - 1].end)
    }

    /// The index of the first normalized scalar whose source starts at or after `sourceOffset`,
    /// or `count` when there is none.
    public func index(atOrAfterSourceOffset sourceOffset: Int) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if Int(spans[middle].start) < sourceOffset {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    /// The normalized range whose scalars come from inside `sourceRange`.
    public func normalizedRange(forSourceRange sourceRange: Range<Int>) -> Range<Int> {
        let lower = index(atOrAfterSourceOffset: sourceRange.lowerBound)
        var upper = index(atOrAfterSourceOffset: sourceRange.upperBound)
        upper = max(lower, upper)
        return lower..<upper
    }
}
