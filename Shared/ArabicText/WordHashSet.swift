/// A set of words held as sorted FNV-1a hashes of their scalars, looked up without building a
/// String: Swift hashes and compares non-ASCII strings through Unicode normalization, which
/// costs more than the tokenizer's own work.
///
/// Two different words share a 64-bit hash with odds near 10⁻¹⁰ for a set of 100,000 words; a
/// lexicon accepts that.
public struct WordHashSet: Sendable {
    private let hashes: [UInt64]
    /// The word lengths in scalars: a word of another length needs no hash.
    public let lengths: ClosedRange<Int>

    public init(_ words: some Sequence<String>) {
        var hashes: [UInt64] = []
        var shortest = Int.max
        var longest = 0
        for word in words {
            hashes.append(FNV1a(scalars: word.unicodeScalars).value)
            let count = word.unicodeScalars.count
            shortest = min(shortest, count)
            longest = max(longest, count)
        }
        self.hashes = hashes.sorted()
        lengths = hashes.isEmpty ? 0...0 : shortest...longest
    }

    /// Whether a word whose scalars hash to `hash` (``FNV1a/init(scalars:)``) is in the set.
    public func contains(hash: UInt64) -> Bool {
        // A binary search: a handful of comparisons, where a Set would run SipHash.
        var low = 0
        var high = hashes.count
        while low < high {
            let middle = (low + high) / 2
            if hashes[middle] < hash { low = middle + 1 } else { high = middle }
        }
        return low < hashes.count && hashes[low] == hash
    }

    public func contains(scalars: some Collection<Unicode.Scalar>) -> Bool {
        lengths.contains(scalars.count) && contains(hash: FNV1a(scalars: scalars).value)
    }

    public func contains(_ word: String) -> Bool {
        contains(scalars: word.unicodeScalars)
    }
}
