extension String {
    /// The text in a NUL-terminated C buffer such as librdkafka's `errstr`; bytes that are not UTF-8 become U+FFFD.
    init(errorBuffer buffer: [CChar]) {
        let end = buffer.firstIndex(of: 0) ?? buffer.endIndex
        self = String(decoding: buffer[..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
