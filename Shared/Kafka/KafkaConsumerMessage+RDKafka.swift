import CRdKafka

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension KafkaConsumerMessage {
    /// Copies a message that librdkafka returned without error; the caller still destroys `message`.
    init(copying message: UnsafeMutablePointer<rd_kafka_message_t>) {
        let fields = message.pointee
        var timestampType = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        let milliseconds = rd_kafka_message_timestamp(message, &timestampType)
        self.init(
            topic: fields.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? "",
            partition: fields.partition,
            offset: fields.offset,
            key: Self.bytes(fields.key, count: fields.key_len),
            value: Self.bytes(fields.payload, count: fields.len),
            headers: Self.headers(of: message),
            timestamp: milliseconds < 0 ? nil : Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        )
    }

    private static func bytes(_ pointer: UnsafeRawPointer?, count: Int) -> [UInt8]? {
        guard let pointer else { return nil }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    private static func headers(of message: UnsafeMutablePointer<rd_kafka_message_t>) -> [KafkaHeader] {
        var list: OpaquePointer?
        guard rd_kafka_message_headers(message, &list) == RD_KAFKA_RESP_ERR_NO_ERROR, let list else { return [] }
        var headers: [KafkaHeader] = []
        var name: UnsafePointer<CChar>?
        var value: UnsafeRawPointer?
        var size = 0
        while rd_kafka_header_get_all(list, headers.count, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR {
            headers.append(KafkaHeader(key: name.map { String(cString: $0) } ?? "", value: bytes(value, count: size)))
        }
        return headers
    }
}
