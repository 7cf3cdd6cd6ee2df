import SeededRandom

extension SplitMix64 {
    /// Random bytes, for fuzzing the decoder.
    mutating func bytes(count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &self) }
    }
}
