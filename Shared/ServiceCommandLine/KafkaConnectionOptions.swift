public import ArgumentParser
import Foundation

/// Command-line options that say how to reach Kafka, shared by both services.
public struct KafkaConnectionOptions: ParsableArguments {
    /// The brokers when neither `--brokers` nor `AKHBAR_BROKERS` names any.
    public static let defaultBrokers = "127.0.0.1:9092"

    @Option(
        name: .long,
        help: "Bootstrap brokers, HOST:PORT[,HOST:PORT…] (default: $AKHBAR_BROKERS or \(defaultBrokers))."
    )
    var brokers: String?

    @Option(
        name: .customLong("kafka-option"),
        help: ArgumentHelp(
            "A librdkafka setting KEY=VALUE, repeatable (for example security.protocol=SASL_SSL).",
            valueName: "key=value"
        )
    )
    var kafkaOptions: [String] = []

    @Option(help: "Give up when no broker answered for this many seconds at start.")
    var connectTimeout = 40.0

    public init() {}

    public func validate() throws {
        guard !bootstrapServers.isEmpty else { throw ValidationError("--brokers names no broker") }
        guard connectTimeout > 0 else { throw ValidationError("--connect-timeout must be positive") }
        for option in kafkaOptions where !option.contains("=") {
            throw ValidationError("--kafka-option \(option) is not KEY=VALUE")
        }
    }

    /// The brokers to bootstrap from: the flag, else `AKHBAR_BROKERS`, else the default.
    public var bootstrapServers: [String] {
        let list = brokers ?? ProcessInfo.processInfo.environment["AKHBAR_BROKERS"] ?? Self.defaultBrokers
        return list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// How long a command waits for a broker to answer at start before it exits 1.
    public var connectPatience: Duration { .milliseconds(Int(connectTimeout * 1000)) }

    /// The `--kafka-option` settings, passed to librdkafka as they are (it validates them).
    public var librdkafkaOverrides: [String: String] {
        Dictionary(
            kafkaOptions.map { option in
                let parts = option.split(separator: "=", maxSplits: 1)
                return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
            },
            uniquingKeysWith: { _, last in last }
        )
    }
}
