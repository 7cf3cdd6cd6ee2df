/// What ``KafkaConsumer/poll(timeout:)`` returns.
public enum KafkaConsumerEvent: Sendable {
    /// A message from an assigned partition.
    case message(KafkaConsumerMessage)
    /// The group gave this consumer these partitions (with the cooperative protocol: these additional ones).
    case partitionsAssigned([KafkaTopicPartition])
    /// The group took these partitions away; they are already unassigned when this event arrives. Offsets not
    /// committed for them by then are read again by their next owner (at-least-once), so commit after each batch.
    case partitionsRevoked([KafkaTopicPartition])
    /// A non-fatal error; the consumer keeps working. Fatal errors are thrown instead.
    case error(KafkaError)
}
