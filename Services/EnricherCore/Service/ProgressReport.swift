import Kafka
import Logging

/// A log record every `interval` while the enricher works: what it has done, how fast since the last record, and
/// how many messages are left on its partitions, so that a long run or replay is never silent. Nothing is logged
/// while nothing happens.
struct ProgressReport {
    let interval: Duration
    private var lastAt: ContinuousClock.Instant
    private var lastConsumed: Int

    init(interval: Duration, now: ContinuousClock.Instant = .now) {
        self.interval = interval
        self.lastAt = now
        self.lastConsumed = 0
    }

    /// The record's metadata when one is due: `consumed`, `stored`, `dead_lettered`, `per_second` (consumed since
    /// the last record), and `remaining` when known. Asked after every message, so the counters and what remains
    /// are read only when a record is due.
    mutating func due(
        counters readCounters: @autoclosure () -> EnricherCounters, remaining: @autoclosure () -> Int64?,
        now: ContinuousClock.Instant = .now
    ) -> Logger.Metadata? {
        guard now - lastAt >= interval else { return nil }
        let counters = readCounters()
        defer {
            lastAt = now
            lastConsumed = counters.consumed
        }
        guard counters.consumed != lastConsumed else { return nil }
        let seconds = (now - lastAt) / .seconds(1)
        var metadata: Logger.Metadata = [
            "consumed": "\(counters.consumed)", "stored": "\(counters.stored)",
            "dead_lettered": "\(counters.deadLettered)",
            "per_second": "\(Int((Double(counters.consumed - lastConsumed) / seconds).rounded()))",
        ]
        if let remaining = remaining() { metadata["remaining"] = "\(remaining)" }
        return metadata
    }

    /// Messages left on `partitions` past `nextOffsets`, from the high watermarks of the last fetches (no broker
    /// round trip); nil while a partition's position or end is not known yet.
    static func remaining(
        on partitions: Set<KafkaTopicPartition>, after nextOffsets: [KafkaTopicPartition: Int64],
        highWatermark: (KafkaTopicPartition) -> Int64?
    ) -> Int64? {
        var total: Int64 = 0
        for partition in partitions {
            guard let next = nextOffsets[partition], let high = highWatermark(partition) else { return nil }
            total += max(0, high - next)
        }
        return total
    }
}
