/// Up to three hashes of a key's first or last letters, held inline: describing a token
/// builds no array for them.
struct AffixHashes: RandomAccessCollection {
    private var hashes: (UInt64, UInt64, UInt64) = (0, 0, 0)
    private(set) var count = 0

    init() {}

    init(_ hashes: some Sequence<UInt64>) {
        for hash in hashes { append(hash) }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> UInt64 {
        precondition(position >= 0 && position < count)
        return switch position {
        case 0: hashes.0
        case 1: hashes.1
        default: hashes.2
        }
    }

    mutating func append(_ hash: UInt64) {
        precondition(count < 3)
        switch count {
        case 0: hashes.0 = hash
        case 1: hashes.1 = hash
        default: hashes.2 = hash
        }
        count += 1
    }
}
