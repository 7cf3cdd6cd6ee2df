extension String {
    /// A string of `scalars`, encoded straight into UTF-8; several times faster than appending
    /// them to a `String.UnicodeScalarView`.
    public init(scalars: ArraySlice<Unicode.Scalar>) {
        var capacity = 0
        for scalar in scalars { capacity += UTF8.width(scalar) }
        self.init(unsafeUninitializedCapacity: capacity) { buffer in
            var index = 0
            // Encoded by hand: the standard library's encoder returns an optional sequence per scalar, which cost
            // more than the rest of the tokenizer's string building.
            for scalar in scalars {
                let value = scalar.value
                if value < 0x80 {
                    buffer[index] = UInt8(value)
                    index += 1
                } else if value < 0x800 {
                    buffer[index] = UInt8(0xC0 | value >> 6)
                    buffer[index + 1] = UInt8(0x80 | value & 0x3F)
                    index += 2
                } else if value < 0x10000 {
                    buffer[index] = UInt8(0xE0 | value >> 12)
                    buffer[index + 1] = UInt8(0x80 | value >> 6 & 0x3F)
                    buffer[index + 2] = UInt8(0x80 | value & 0x3F)
                    index += 3
                } else {
                    buffer[index] = UInt8(0xF0 | value >> 18)
                    buffer[index + 1] = UInt8(0x80 | value >> 12 & 0x3F)
                    buffer[index + 2] = UInt8(0x80 | value >> 6 & 0x3F)
                    buffer[index + 3] = UInt8(0x80 | value & 0x3F)
                    index += 4
                }
            }
            return index
        }
    }

    /// A string of `scalars`; see ``init(scalars:)-(ArraySlice<Unicode.Scalar>)``.
    public init(scalars: [Unicode.Scalar]) {
        self.init(scalars: scalars[...])
    }
}

extension Array where Element == Unicode.Scalar {
    /// The scalars of `text`, decoded in one pass into a buffer as long as its UTF-8, which
    /// bounds the scalar count (`Array(text.unicodeScalars)` counts them first, then appends).
    init(scalarsOf text: some StringProtocol) {
        let bound = text.utf8.count
        self.init(unsafeUninitializedCapacity: bound) { buffer, count in
            count = 0
            let decoded: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
                count = Self.decode(utf8: bytes, into: buffer)
            }
            guard decoded == nil else { return }
            for scalar in text.unicodeScalars {
                buffer.initializeElement(at: count, to: scalar)
                count += 1
            }
        }
    }

    /// Decodes UTF-8 that a `String` holds, so it is known to be valid; the standard library's
    /// scalar iterator checks more and costs about three times as much.
    private static func decode(
        utf8 bytes: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<Unicode.Scalar>
    ) -> Int {
        var count = 0
        var index = 0
        while index < bytes.count {
            let lead = UInt32(bytes[index])
            let value: UInt32
            if lead < 0x80 {
                value = lead
                index += 1
            } else if lead < 0xE0 {
                value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            } else if lead < 0xF0 {
                value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                index += 3
            } else {
                let high = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                value = high | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                index += 4
            }
            // A String's UTF-8 decodes only to valid scalar values: no need to check each one again.
            buffer.initializeElement(at: count, to: unsafeBitCast(value, to: Unicode.Scalar.self))
            count += 1
        }
        return count
    }
}
