/// The logging metadata keys of this module, in one place so that log queries can rely on them.
enum KafkaLogKey {
    static let client = "kafka.client"
    static let facility = "kafka.facility"
    static let librdkafkaCode = "kafka.librdkafka.code"
    static let partitions = "kafka.partitions"
    static let pending = "kafka.pending"
    static let error = "kafka.error"
    static let rebalanceProtocol = "kafka.rebalance.protocol"
}
