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
    private let sourceStarts: [Int]
    private let sourceEnds: [Int]

    init(scalars: [Unicode.Scalar], sourceStarts: [Int], sourceEnds: [Int], sourceCount: Int) {
        self.scalars = scalars
        self.sourceStarts = sourceStarts
        self.sourceEnds = sourceEnds
        self.sourceCount = sourceCount
    }

    /// The normalized text as a string.
    public var string: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The number of normalized scalars.
    public var count: Int { scalars.count }

    /// The source scalar range that the normalized scalar at `index` came from.
    public func sourceRange(at index: Int) -> Range<Int> {
        sourceStarts[index]..<sourceEnds[index]
    }

    /// The source scalar range covered by a range of normalized scalars.
    ///
    /// An empty range maps to an empty source range at the matching position.
    /// - Parameter range: a range within `0...count`.
    public func sourceRange(for range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let position = range.lowerBound < count ? sourceStarts[range.lowerBound] : sourceCount
            return position..<position
        }
        return sourceStarts[range.lowerBound]..<sourceEnds[range.upperBound - 1]
    }

    /// The index of the first normalized scalar whose source starts at or after `sourceOffset`,
    /// or `count` when there is none.
    public func index(atOrAfterSourceOffset sourceOffset: Int) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if sourceStarts[middle] < sourceOffset {
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
