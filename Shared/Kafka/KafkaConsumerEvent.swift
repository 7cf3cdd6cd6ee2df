/// What ``KafkaConsumer/poll(timeout:)`` returns.
public enum KafkaConsumerEvent: Sendable {
    /// A message from an assigned partition.
    case message(KafkaConsumerMessage)
    /// The group gave this consumer these partitions (with the cooperative protocol: these additional ones).
    case partitionsAssigned([KafkaTopicPartition])
    /// The group is taking these partitions away. They stay assigned until the next poll, so store and commit
    /// what was read from them before polling again: their next owner starts at the committed offsets. Messages of
    /// theirs that were not yet handed out are dropped. (Partitions lost to a session timeout are unassigned
    /// already; commits for them fail and their next owner reads the uncommitted messages again.)
    case partitionsRevoked([KafkaTopicPartition])
    /// A non-fatal error; the consumer keeps working. Fatal errors are thrown instead.
    case error(KafkaError)
}
