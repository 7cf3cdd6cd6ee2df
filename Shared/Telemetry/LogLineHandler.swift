import Foundation
public import Logging

/// Writes each log record as one line on standard error, for people or for log shippers.
///
/// - `text`: `time level logger: message key=value …`, metadata sorted by key.
/// - `json`: one JSON object: `time` (UTC, milliseconds), `level`, `logger`, `message`, then the record's metadata
///   as fields of their own.
///
/// Where a record came from in the source is written only at `debug` and `trace`, for developers.
public struct LogLineHandler: LogHandler {
    /// How records are written.
    public enum Format: String, CaseIterable, Sendable {
        case text
        case json
    }

    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level
    private let label: String
    private let format: Format
    private let write: @Sendable (String) -> Void

    /// A handler for the logger `label`, handing each line (without its line break) to `write`.
    public init(
        label: String, format: Format, level: Logger.Level, metadataProvider: Logger.MetadataProvider? = nil,
        write: @escaping @Sendable (String) -> Void
    ) {
        self.label = label
        self.format = format
        self.logLevel = level
        self.metadataProvider = metadataProvider
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields = metadata
        if let provided = metadataProvider?.get() { fields.merge(provided) { $1 } }
        if let own = event.metadata { fields.merge(own) { $1 } }
        if let error = event.error { fields["error"] = "\(error)" }
        let time = Self.timestamp(Date())
        let source = logLevel <= .debug ? "\(event.file):\(event.line)" : nil
        switch format {
        case .text:
            var line = "\(time) \(event.level) \(label): \(event.message)"
            for (key, value) in fields.sorted(by: { $0.key < $1.key }) { line += " \(key)=\(value)" }
            if let source { line += " (\(source))" }
            write(line)
        case .json:
            var line = LogLine(fields: [:])
            for (key, value) in fields {
                // A metadata key never hides the record's own fields.
                line.fields[LogLine.reserved.contains(key) ? "metadata.\(key)" : key] = JSONLogValue(value)
            }
            line.fields["time"] = .string(time)
            line.fields["level"] = .string(event.level.rawValue)
            line.fields["logger"] = .string(label)
            line.fields["message"] = .string(event.message.description)
            if let source { line.fields["source"] = .string(source) }
            write(line.encoded())
        }
    }

    /// RFC 3339 in UTC with milliseconds, as log stores sort and parse it.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}

/// One record's fields, encoded with sorted keys so that equal records give equal lines.
private struct LogLine: Encodable {
    static let reserved: Set<String> = ["time", "level", "logger", "message", "source"]
    var fields: [String: JSONLogValue]

    func encode(to encoder: any Encoder) throws {
        try fields.encode(to: encoder)
    }

    func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings, arrays and objects of strings always encode.
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

/// A metadata value as JSON: strings stay strings, nested metadata become arrays and objects.
private enum JSONLogValue: Encodable {
    case string(String)
    case array([JSONLogValue])
    case object([String: JSONLogValue])

    init(_ value: Logger.Metadata.Value) {
        switch value {
        case .string(let text): self = .string(text)
        case .stringConvertible(let value): self = .string(value.description)
        case .array(let values): self = .array(values.map(JSONLogValue.init))
        case .dictionary(let values): self = .object(values.mapValues(JSONLogValue.init))
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .string(let text): try text.encode(to: encoder)
        case .array(let values): try values.encode(to: encoder)
        case .object(let values): try values.encode(to: encoder)
        }
    }
}
