import Kafka
import Testing

@Suite("KafkaTopicPartitionOffset")
struct KafkaTopicPartitionOffsetTests {
    @Test("the commit list holds the highest offset + 1 per partition, sorted")
    func offsetsToCommit() {
        let messages = [("b", 0, 7), ("a", 1, 3), ("a", 1, 9), ("a", 0, 0), ("a", 1, 4)].map {
            KafkaConsumerMessage(topic: $0.0, partition: Int32($0.1), offset: Int64($0.2), value: nil)
        }
        #expect(
            KafkaTopicPartitionOffset.offsetsToCommit(after: messages) == [
                KafkaTopicPartitionOffset(topic: "a", partition: 0, offset: 1),
                KafkaTopicPartitionOffset(topic: "a", partition: 1, offset: 10),
                KafkaTopicPartitionOffset(topic: "b", partition: 0, offset: 8),
            ]
        )
        #expect(KafkaTopicPartitionOffset.offsetsToCommit(after: []).isEmpty)
    }
}
