import Kafka

extension EnricherService {
    /// How many messages the assigned partitions hold past where this member will read next: its own next offset
    /// where it read the partition this run, else the group's committed offset, else (no commit yet, reading from
    /// the earliest) the partition's start. Partitions of a replay from a time that it has not read are taken as
    /// read: their start is where that time falls, which only the broker knows.
    func remainingMessages(
        in partitions: Set<KafkaTopicPartition>, after nextOffsets: [KafkaTopicPartition: Int64]
    ) async throws(KafkaError) -> Int64 {
        let owned = partitions.sorted()
        guard !owned.isEmpty else { return 0 }
        let marks = try await consumer.watermarks(of: owned)
        let unread = owned.filter { nextOffsets[$0] == nil }
        var positions = nextOffsets
        if !unread.isEmpty {
            for committed in try await consumer.committedOffsets(for: unread) {
                positions[committed.topicPartition] = committed.offset
            }
        }
        var remaining: Int64 = 0
        for partition in owned {
            guard let mark = marks[partition] else { continue }
            if let position = positions[partition] {
                remaining += max(0, mark.high - position)
            } else if configuration.consumer.startTimestamp == nil {
                remaining += max(0, mark.high - mark.low)
            }
        }
        return remaining
    }
}
