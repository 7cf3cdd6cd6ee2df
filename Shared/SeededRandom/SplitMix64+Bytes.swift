extension SplitMix64 {
    /// Random bytes, for fuzzing decoders and readers.
    public mutating func bytes(count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &self) }
    }
}
