import ArticleCodec
import ArticleModel
import SeededRandom
import Testing

extension ArticleCodecTests {
    /// Seeded random input: decoding never traps, and whatever decodes, encodes again to the
    /// same article. A failure names its seed, so it can be replayed.
    @Suite("Fuzzing")
    struct Fuzz {
        static let iterations = 12_000

        @Test("Random byte strings never trap", arguments: [1, 2, 3] as [UInt64])
        func randomBytes(seed: UInt64) throws {
            var generator = SplitMix64(seed: seed)
            for _ in 0..<Self.iterations {
                let bytes = generator.bytes(count: Int.random(in: 0...300, using: &generator))
                try Self.decodeBoth(bytes, seed: seed)
            }
        }

        @Test("Random payloads behind a valid header never trap", arguments: [4, 5, 6] as [UInt64])
        func randomPayloads(seed: UInt64) throws {
            var generator = SplitMix64(seed: seed)
            for iteration in 0..<Self.iterations {
                let kind = iteration.isMultiple(of: 2) ? Fixtures.rawKind : Fixtures.enrichedKind
                let payload = generator.bytes(count: Int.random(in: 0...300, using: &generator))
                try Self.decodeBoth(Fixtures.header(kind: kind) + payload, seed: seed)
            }
        }

        @Test("Valid messages with random bytes flipped, cut or inserted never trap", arguments: [7, 8, 9] as [UInt64])
        func mutatedMessages(seed: UInt64) throws {
            var generator = SplitMix64(seed: seed)
            let originals = [
                try ArticleCodec.encode(Fixtures.fullRawArticle),
                try ArticleCodec.encode(Fixtures.minimalRawArticle),
                try ArticleCodec.encode(Fixtures.enrichedArticle),
            ]
            for iteration in 0..<Self.iterations {
                var bytes = originals[iteration % originals.count]
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    let index = Int.random(in: 0..<bytes.count, using: &generator)
                    switch Int.random(in: 0..<4, using: &generator) {
                    case 0: bytes[index] = UInt8.random(in: .min ... .max, using: &generator)
                    case 1: bytes[index] ^= 1 << UInt8.random(in: 0..<8, using: &generator)
                    case 2: bytes.insert(UInt8.random(in: .min ... .max, using: &generator), at: index)
                    default: bytes.removeSubrange(index...)
                    }
                    if bytes.isEmpty { break }
                }
                try Self.decodeBoth(bytes, seed: seed)
            }
        }

        /// Decodes as both kinds. Success must be stable: encoding the result succeeds and decodes
        /// to the same article. Failure is a thrown CodecError by the type of the function.
        private static func decodeBoth(_ bytes: [UInt8], seed: UInt64) throws {
            if let raw = try? ArticleCodec.decodeRawArticle(bytes) {
                let again = try ArticleCodec.decodeRawArticle(ArticleCodec.encode(raw))
                #expect(again == raw, "seed \(seed): \(bytes)")
            }
            if let enriched = try? ArticleCodec.decodeEnrichedArticle(bytes) {
                let again = try ArticleCodec.decodeEnrichedArticle(ArticleCodec.encode(enriched))
                #expect(again == enriched, "seed \(seed): \(bytes)")
            }
        }
    }
}
