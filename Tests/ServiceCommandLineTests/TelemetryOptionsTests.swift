import ArgumentParser
import Foundation
import Logging
import ServiceCommandLine
import Synchronization
import Telemetry
import Testing

@Suite("Logs as JSON, log levels, and when traces are exported")
struct TelemetryOptionsTests {
    /// The lines a handler wrote.
    private final class Lines: Sendable {
        let written = Mutex<[String]>([])
        var first: String? { written.withLock { $0.first } }
    }

    /// A handler whose lines land in `lines`.
    private static func handler(
        _ format: LogLineHandler.Format = .json, level: Logger.Level, into lines: Lines
    ) -> LogLineHandler {
        LogLineHandler(label: "akhbar.test", format: format, level: level) { line in
            lines.written.withLock { $0.append(line) }
        }
    }

    private static func object(_ line: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test("a JSON record is one line: time in UTC, level, logger, message and metadata as fields")
    func jsonRecord() throws {
        let lines = Lines()
        var logger = Logger(label: "akhbar.test") { _ in Self.handler(level: .info, into: lines) }
        logger[metadataKey: "topic"] = "articles.raw"
        logger.warning(
            "cannot create \"topic\"\nsecond line", metadata: ["partitions": .array(["0", "1"]), "level": "shadow"])
        let line = try #require(lines.first)
        #expect(!line.contains("\n"))
        let fields = try Self.object(line)
        #expect(fields["level"] as? String == "warning")
        #expect(fields["logger"] as? String == "akhbar.test")
        #expect(fields["message"] as? String == "cannot create \"topic\"\nsecond line")
        #expect(fields["topic"] as? String == "articles.raw")
        #expect(fields["partitions"] as? [String] == ["0", "1"])
        // Metadata never hides the record's own fields.
        #expect(fields["metadata.level"] as? String == "shadow")
        let time = try #require(fields["time"] as? String)
        #expect(time.hasSuffix("Z") && (try? Date(time, strategy: .iso8601)) != nil, "\(time)")
        #expect(fields["source"] == nil, "source paths only at debug")
    }

    @Test("records below the level are not written; at debug they say where they come from")
    func levels() throws {
        let lines = Lines()
        let quiet = Logger(label: "akhbar.test") { _ in Self.handler(level: .warning, into: lines) }
        quiet.info("not written")
        #expect(lines.first == nil)
        let verbose = Logger(label: "akhbar.test") { _ in Self.handler(level: .debug, into: lines) }
        verbose.debug("written")
        let fields = try Self.object(try #require(lines.first))
        #expect((fields["source"] as? String)?.contains("TelemetryOptionsTests.swift:") == true)
    }

    @Test("a text record: time, level, logger, message, then the metadata sorted by key; no source below debug")
    func textRecord() throws {
        let lines = Lines()
        let logger = Logger(label: "akhbar.test") { _ in Self.handler(.text, level: .info, into: lines) }
        logger.info("progress", metadata: ["stored": "9", "consumed": "10"])
        let line = try #require(lines.first)
        let parts = line.split(separator: " ", maxSplits: 1)
        #expect(parts.count == 2 && (try? Date(String(parts[0]), strategy: .iso8601)) != nil, "\(line)")
        #expect(parts.last == "info akhbar.test: progress consumed=10 stored=9")
    }

    @Test("--log-format and --log-level parse, and refuse what they do not know")
    func options() throws {
        let options = try LoggingOptions.parse(["--log-format", "json", "--log-level", "debug"])
        #expect(options.logFormat == .json && options.logLevel == .debug)
        let defaults = try LoggingOptions.parse([])
        #expect(defaults.logFormat == .text && defaults.logLevel == .info)
        #expect(throws: (any Error).self) { try LoggingOptions.parse(["--log-format", "xml"]) }
        #expect(throws: (any Error).self) { try LoggingOptions.parse(["--log-level", "loud"]) }
    }

    @Test("traces are off unless an OTEL_* variable asks for them")
    func traceExportRequest() {
        #expect(!TraceExport.isRequested(by: [:]))
        #expect(TraceExport.isRequested(by: ["OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318"]))
        #expect(TraceExport.isRequested(by: ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://collector:4318/v1/traces"]))
        #expect(TraceExport.isRequested(by: ["OTEL_TRACES_EXPORTER": "otlp"]))
        #expect(!TraceExport.isRequested(by: ["OTEL_TRACES_EXPORTER": "none", "OTEL_EXPORTER_OTLP_ENDPOINT": "x"]))
        #expect(!TraceExport.isRequested(by: ["OTEL_SDK_DISABLED": "true", "OTEL_TRACES_EXPORTER": "otlp"]))
    }
}
