/// What one enricher process did, printed when it exits.
public struct EnricherCounters: Sendable, Equatable, CustomStringConvertible {
    /// Messages read from the topic.
    public var consumed = 0
    /// Articles written to the store.
    public var stored = 0
    /// Messages a batch already stored whose offsets were not committed to Kafka (a crash between the two):
    /// read again, not stored again.
    public var skipped = 0
    /// Messages that could not be processed, each sent to the dead-letter topic.
    public var deadLettered = 0

    public init() {}

    public var description: String {
        "consumed: \(consumed), stored: \(stored), skipped: \(skipped), dead-lettered: \(deadLettered)"
    }
}
