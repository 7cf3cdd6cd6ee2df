import SeededRandom

/// Deterministic random text for property tests: the seed fixes every run, so a failure
/// can be replayed exactly.
struct RandomText {
    private var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { generator.next() }

    mutating func int(below bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// Bytes that are mostly not valid UTF-8.
    mutating func bytes(count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) }
    }

    /// Scalars drawn from the ranges that stress normalization: Arabic letters and marks,
    /// presentation forms, tatweel, bidi and zero-width controls, lone combining marks,
    /// emoji, digits of three scripts, odd whitespace and line breaks, and any other scalar.
    mutating func scalars(count: Int) -> [Unicode.Scalar] {
        (0..<count).map { _ in scalar() }
    }

    mutating func string(count: Int) -> String {
        String(String.UnicodeScalarView(scalars(count: count)))
    }

    private mutating func scalar() -> Unicode.Scalar {
        let pool = Self.pools[int(below: Self.pools.count)]
        let value = pool.lowerBound + UInt32(int(below: Int(pool.upperBound - pool.lowerBound) + 1))
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    private static let pools: [ClosedRange<UInt32>] = [
        0x0621...0x064A, 0x0621...0x064A, 0x0621...0x064A,  // letters, weighted up
        0x064B...0x065F, 0x0670...0x0670, 0x0640...0x0640,  // harakat, superscript alef, tatweel
        0x0660...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF,  // digits, extended letters and marks
        0xFB50...0xFDFF, 0xFE70...0xFEFF,  // presentation forms
        0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C...0x061C,  // zero-width and bidi
        0x0300...0x036F,  // Latin combining marks, often with nothing to combine with
        0x1F300...0x1F64F, 0x200D...0x200D, 0xFE0F...0xFE0F,  // emoji, joiner, variation selector
        0x20...0x7E, 0x20...0x20, 0x0A...0x0A, 0x0D...0x0D, 0x09...0x09, 0xA0...0xA0, 0x2028...0x2029,
        0x201C...0x201F, 0xAB...0xBB,  // quotes
        0x00...0x10FFFF,  // anything (surrogates become U+FFFD)
    ]
}
