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

    /// The counters in Prometheus' text exposition format.
    public var prometheusText: String {
        [
            ("akhbar_enricher_consumed_total", "Messages read from the topic.", consumed),
            ("akhbar_enricher_stored_total", "Articles written to the store.", stored),
            ("akhbar_enricher_skipped_total", "Messages read again that a batch had already stored.", skipped),
            ("akhbar_enricher_dead_lettered_total", "Messages sent to the dead-letter topic.", deadLettered),
        ].map { "# HELP \($0.0) \($0.1)\n# TYPE \($0.0) counter\n\($0.0) \($0.2)\n" }.joined()
    }

    public var description: String {
        "consumed: \(consumed), stored: \(stored), skipped: \(skipped), dead-lettered: \(deadLettered)"
    }
}
