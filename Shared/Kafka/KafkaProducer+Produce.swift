import CRdKafka

extension KafkaProducer {
    /// Enqueues one message with `rd_kafka_produceva` (the variadic `rd_kafka_producev` is unavailable in Swift).
    ///
    /// librdkafka copies topic, key, value and headers before it returns, so the pointers only need to live for
    /// the call. `id` travels as the message opaque and comes back in the delivery report.
    /// - Returns: `nil` when enqueued, otherwise why not (``KafkaError/Code/queueFull`` included, and
    ///   ``KafkaError/Code/shutdown`` once the handle is being destroyed).
    func produce(id: UInt, topic: String, key: [UInt8]?, value: [UInt8]?, headers: [KafkaHeader]) -> KafkaError? {
        let outcome = client.withHandle { handle in
            produce(handle, id: id, topic: topic, key: key, value: value, headers: headers)
        }
        guard let outcome else { return KafkaError(code: .shutdown, message: "the producer is shut down") }
        return outcome
    }

    private func produce(
        _ handle: OpaquePointer,
        id: UInt,
        topic: String,
        key: [UInt8]?,
        value: [UInt8]?,
        headers: [KafkaHeader]
    ) -> KafkaError? {
        let headerList = headers.isEmpty ? nil : Self.makeHeaderList(headers)
        let failure: OpaquePointer? = topic.withCString { topicName in
            Self.withBytes(key) { keyBytes, keyCount in
                Self.withBytes(value) { valueBytes, valueCount in
                    withUnsafeTemporaryAllocation(of: rd_kafka_vu_t.self, capacity: 6) { fields in
                        var count = 0
                        func add(_ type: rd_kafka_vtype_t, _ set: (inout rd_kafka_vu_t) -> Void) {
                            var field = rd_kafka_vu_t()
                            field.vtype = type
                            set(&field)
                            fields.initializeElement(at: count, to: field)
                            count += 1
                        }
                        add(RD_KAFKA_VTYPE_TOPIC) { $0.u.cstr = topicName }
                        add(RD_KAFKA_VTYPE_KEY) { $0.u.mem = .init(ptr: keyBytes, size: keyCount) }
                        add(RD_KAFKA_VTYPE_VALUE) { $0.u.mem = .init(ptr: valueBytes, size: valueCount) }
                        add(RD_KAFKA_VTYPE_OPAQUE) { $0.u.ptr = UnsafeMutableRawPointer(bitPattern: id) }
                        add(RD_KAFKA_VTYPE_MSGFLAGS) { $0.u.i = RD_KAFKA_MSG_F_COPY }
                        if let headerList { add(RD_KAFKA_VTYPE_HEADERS) { $0.u.headers = headerList } }
                        defer { fields.prefix(count).deinitialize() }
                        return rd_kafka_produceva(handle, fields.baseAddress, count)
                    }
                }
            }
        }
        guard let failure else { return nil }
        // The message takes ownership of the header list only when it is enqueued.
        if let headerList { rd_kafka_headers_destroy(headerList) }
        return KafkaError(
            consuming: failure, fallback: .messageDelivery, context: "could not enqueue a message to \(topic)")
    }

    private static func makeHeaderList(_ headers: [KafkaHeader]) -> OpaquePointer {
        let list = rd_kafka_headers_new(headers.count)!
        for header in headers {
            var name = header.key
            name.withUTF8 { nameBytes in
                nameBytes.withMemoryRebound(to: CChar.self) { name in
                    _ = withBytes(header.value) { valueBytes, valueCount in
                        rd_kafka_header_add(list, name.baseAddress, name.count, valueBytes, valueCount)
                    }
                }
            }
        }
        return list
    }

    /// Lends `bytes` as a pointer and count: `nil` stays NULL (a null key or tombstone value), and an empty array
    /// gets a valid non-NULL pointer, because librdkafka sends NULL as null and not as empty.
    private static func withBytes<Result>(
        _ bytes: [UInt8]?,
        _ body: (UnsafeMutableRawPointer?, Int) -> Result
    ) -> Result {
        guard let bytes else { return body(nil, 0) }
        guard !bytes.isEmpty else {
            var empty: UInt8 = 0
            return withUnsafeMutableBytes(of: &empty) { body($0.baseAddress, 0) }
        }
        return bytes.withUnsafeBytes { body(UnsafeMutableRawPointer(mutating: $0.baseAddress), $0.count) }
    }
}
