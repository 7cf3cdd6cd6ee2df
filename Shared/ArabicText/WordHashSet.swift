/// A set of words held as sorted FNV-1a hashes of their scalars, looked up without building a
/// String: Swift hashes and compares non-ASCII strings through Unicode normalization, which
/// costs more than the tokenizer's own work.
///
/// Two different words share a 64-bit hash with odds near 10⁻¹⁰ for a set of 100,000 words; a
/// lexicon accepts that.
public struct WordHashSet: Sendable {
    /// An open-addressing table of the hashes, at most half full, 0 marking a free slot: a lookup
    /// reads one or two slots, where a binary search over 100,000 sorted hashes took seventeen.
    private let slots: [UInt64]
    /// Whether the hash 0, which marks free slots, is a member.
    private let containsZero: Bool
    /// How far to shift a mixed hash to get a slot number.
    private let shift: UInt64
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
        let bits = max(4, (2 * hashes.count).bitWidth - (2 * hashes.count).leadingZeroBitCount)
        shift = UInt64(64 - bits)
        var slots = [UInt64](repeating: 0, count: 1 << bits)
        containsZero = hashes.contains(0)
        for hash in hashes where hash != 0 {
            var slot = Self.slot(of: hash, shift: shift)
            while slots[slot] != 0 && slots[slot] != hash { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = hash
        }
        self.slots = slots
        lengths = hashes.isEmpty ? 0...0 : shortest...longest
    }

    /// Whether a word whose scalars hash to `hash` (``FNV1a/init(scalars:)``) is in the set.
    public func contains(hash: UInt64) -> Bool {
        guard hash != 0 else { return containsZero }
        var slot = Self.slot(of: hash, shift: shift)
        while true {
            let stored = slots[slot]
            if stored == hash { return true }
            if stored == 0 { return false }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    /// The slot a hash starts probing at: Fibonacci hashing takes the mixed top bits, so that
    /// FNV-1a's weaker low bits do not cluster.
    private static func slot(of hash: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9e37_79b9_7f4a_7c15) >> shift)
    }

    public func contains(scalars: some Collection<Unicode.Scalar>) -> Bool {
        lengths.contains(scalars.count) && contains(hash: FNV1a(scalars: scalars).value)
    }

    public func contains(_ word: String) -> Bool {
        contains(scalars: word.unicodeScalars)
    }
}
