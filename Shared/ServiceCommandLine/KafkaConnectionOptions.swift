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

    @Option(
        name: .customLong("kafka-option-file"),
        help: ArgumentHelp(
            """
            A file of librdkafka settings, one KEY=VALUE a line (# comments), repeatable: secrets such as \
            sasl.password stay out of the command line. Also: $\(environmentPrefix)SASL_PASSWORD and any \
            $\(environmentPrefix)KEY_NAME sets key.name. --kafka-option wins over files, files over variables.
            """, valueName: "path"),
        transform: KafkaSettingsFile.init(path:))
    var kafkaOptionFiles: [KafkaSettingsFile] = []

    /// Environment variables that start with this set librdkafka properties: `AKHBAR_KAFKA_SASL_PASSWORD` sets
    /// `sasl.password`.
    public static let environmentPrefix = "AKHBAR_KAFKA_"

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

    /// The librdkafka settings from `AKHBAR_KAFKA_*` variables, `--kafka-option-file` files and `--kafka-option`,
    /// later ones winning, passed to librdkafka as they are (it validates them).
    public var librdkafkaOverrides: [String: String] {
        var settings = Self.environmentSettings(ProcessInfo.processInfo.environment)
        for file in kafkaOptionFiles { settings.merge(file.settings) { _, fromFile in fromFile } }
        for option in kafkaOptions {
            let parts = option.split(separator: "=", maxSplits: 1)
            settings[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return settings
    }

    /// The settings `AKHBAR_KAFKA_*` variables give: the rest of the name lowercased, `_` read as `.`.
    static func environmentSettings(_ environment: [String: String]) -> [String: String] {
        var settings: [String: String] = [:]
        for (name, value) in environment where name.hasPrefix(environmentPrefix) && name.count > environmentPrefix.count
        {
            settings[name.dropFirst(environmentPrefix.count).lowercased().replacingOccurrences(of: "_", with: ".")] =
                value
        }
        return settings
    }
}

/// The settings of one `--kafka-option-file`, read when the command line is parsed so that a missing file or a
/// bad line stops the command before it connects.
public struct KafkaSettingsFile: Sendable {
    public let settings: [String: String]

    init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("--kafka-option-file \(path) cannot be read")
        }
        var settings: [String: String] = [:]
        for (index, line) in String(decoding: data, as: UTF8.self).split(
            omittingEmptySubsequences: false, whereSeparator: \.isNewline
        ).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            let parts = trimmed.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, !parts[0].trimmingCharacters(in: .whitespaces).isEmpty else {
                // The line is not quoted: it may hold a secret.
                throw ValidationError("--kafka-option-file \(path), line \(index + 1): not KEY=VALUE")
            }
            // As in Java properties files: spaces around `=` and at the line's ends are not part of the value.
            settings[parts[0].trimmingCharacters(in: .whitespaces)] = parts[1].trimmingCharacters(in: .whitespaces)
        }
        self.settings = settings
    }
}
