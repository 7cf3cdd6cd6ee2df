import CRdKafka

/// The librdkafka library that this process loaded, and the check that it is recent enough.
public enum KafkaLibrary {
    /// The oldest librdkafka release Akhbar accepts, 2.2.0, in librdkafka's `0xMMmmrrxx` encoding.
    ///
    /// 2.0.x mis-skips tagged fields in broker responses (fixed in 2.2.0, "Fix number of bytes skipped when
    /// receiving tags", librdkafka #4278), so every connection to a broker that sends them fails with
    /// `ApiVersionRequest failed: Read underflow`.
    public static let minimumVersion: Int32 = 0x0202_00ff

    /// The version of the loaded librdkafka in its `0xMMmmrrxx` encoding (`rd_kafka_version()`).
    public static var version: Int32 { rd_kafka_version() }

    /// The version of the loaded librdkafka as text, for example `2.8.0` (`rd_kafka_version_str()`).
    public static var versionString: String { String(cString: rd_kafka_version_str()) }

    /// Whether `version` is at least `minimum`.
    ///
    /// Both use librdkafka's `0xMMmmrrxx` encoding (major, minor, revision, pre-release). The pre-release byte is
    /// ignored, so a release candidate of the minimum release is accepted.
    /// - Parameters:
    ///   - version: The version to judge.
    ///   - minimum: The oldest accepted version.
    /// - Returns: `true` when `version` is `minimum` or newer.
    public static func isSupported(_ version: Int32, minimum: Int32 = minimumVersion) -> Bool {
        UInt32(bitPattern: version) >> 8 >= UInt32(bitPattern: minimum) >> 8
    }

    /// Formats a version in librdkafka's `0xMMmmrrxx` encoding as `major.minor.revision`.
    /// - Parameter version: The encoded version.
    /// - Returns: Text such as `2.0.2`.
    public static func format(_ version: Int32) -> String {
        let bits = UInt32(bitPattern: version)
        return "\(bits >> 24).\((bits >> 16) & 0xff).\((bits >> 8) & 0xff)"
    }

    /// Refuses a librdkafka older than `minimum`.
    ///
    /// The producer, consumer and admin initializers call this before they create a handle.
    /// - Parameters:
    ///   - version: The version to check; the loaded library's by default.
    ///   - minimum: The oldest accepted version; ``minimumVersion`` by default.
    /// - Throws: ``KafkaError`` with code ``KafkaError/Code/versionTooOld`` whose message says why the version is
    ///   refused and how to install a newer one.
    public static func checkVersion(_ version: Int32 = version, minimum: Int32 = minimumVersion) throws(KafkaError) {
        guard !isSupported(version, minimum: minimum) else { return }
        throw KafkaError(
            code: .versionTooOld,
            message: """
                librdkafka \(format(version)) is loaded but Akhbar needs \(format(minimum)) or newer: librdkafka \
                before 2.2.0 mis-skips tagged fields, so every connection fails with "ApiVersionRequest failed: Read \
                underflow" (fixed in 2.2.0, librdkafka #4278). Run scripts/setup.sh, or build librdkafka >= 2.2 into \
                /usr/local and run ldconfig so that it is loaded instead of the distribution's older librdkafka.so.1.
                """
        )
    }
}
