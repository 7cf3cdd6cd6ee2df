import CRdKafka

/// Conversions between Swift values and librdkafka's `rd_kafka_topic_partition_list_t`.
enum RDKafkaTopicPartitionList {
    /// Runs `body` with a temporary list of `entries`, destroyed afterwards.
    static func with<Result>(
        _ entries: [(topic: String, partition: Int32, offset: Int64)],
        _ body: (UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) -> Result
    ) -> Result {
        let list = rd_kafka_topic_partition_list_new(Int32(clamping: entries.count))!
        defer { rd_kafka_topic_partition_list_destroy(list) }
        for entry in entries {
            rd_kafka_topic_partition_list_add(list, entry.topic, entry.partition).pointee.offset = entry.offset
        }
        return body(list)
    }

    /// The elements of a list.
    static func elements(
        of list: UnsafePointer<rd_kafka_topic_partition_list_t>
    ) -> UnsafeBufferPointer<rd_kafka_topic_partition_t> {
        UnsafeBufferPointer(start: list.pointee.elems, count: Int(max(list.pointee.cnt, 0)))
    }

    /// The topic partitions of a list.
    static func partitions(of list: UnsafePointer<rd_kafka_topic_partition_list_t>) -> [KafkaTopicPartition] {
        elements(of: list).map { KafkaTopicPartition(topic: topicName($0), partition: $0.partition) }
    }

    /// The topic name of an element, repaired rather than trapping when it is not UTF-8.
    static func topicName(_ element: rd_kafka_topic_partition_t) -> String {
        element.topic.map { String(cString: $0) } ?? ""
    }
}
