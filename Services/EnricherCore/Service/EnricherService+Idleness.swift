import Kafka

extension EnricherService {
    /// How many messages the topic's partitions hold past where the group will read next: this member's own next
    /// offset where it read the partition this run, else the group's committed offset, else (no commit yet, reading
    /// from the earliest) the partition's start. Partitions of a replay from a time that it has not read are taken as
    /// read: their start is where that time falls, which only the broker knows.
    ///
    /// The partitions other members own count too: a member that stopped without leaving the group keeps its
    /// partitions until its session times out, and the survivors must not call the topic read before then.
    func remainingMessages(
        in partitions: Set<KafkaTopicPartition>, after nextOffsets: [KafkaTopicPartition: Int64]
    ) async throws(KafkaError) -> Int64 {
        let owned = partitions.union(try await consumer.partitions(of: configuration.topic, timeout: .seconds(5)))
            .sorted()
        guard !owned.isEmpty else { return 0 }
        let marks = try await consumer.watermarks(of: owned, timeout: .seconds(5))
        let unread = owned.filter { nextOffsets[$0] == nil }
        var positions = nextOffsets
        if !unread.isEmpty {
            for committed in try await consumer.committedOffsets(for: unread, timeout: .seconds(10)) {
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
