public import ArgumentParser
public import Logging
import OTel
public import Telemetry

/// `--log-format` and `--log-level`: how a process writes its log on standard error.
public struct LoggingOptions: ParsableArguments {
    @Option(help: "Log records as text lines for people (default) or one JSON object per line (json).")
    public var logFormat: LogLineHandler.Format = .text

    @Option(help: "The least severe level logged: trace, debug, info (default), notice, warning, error, critical.")
    public var logLevel: Logger.Level = .info

    public init() {}

    /// Makes every logger of the process write as these options say, and returns the command's own logger, named
    /// `label`. Once per process, before its first logger. The records of a traced operation carry its `trace_id`
    /// and `span_id`.
    public func bootstrap(label: String) -> Logger {
        let format = logFormat
        let level = logLevel
        LoggingSystem.bootstrap(
            { label, metadataProvider in
                LogLineHandler(
                    label: label, format: format, level: level, metadataProvider: metadataProvider,
                    write: { printToStandardError($0) })
            }, metadataProvider: OTel.makeLoggingMetadataProvider())
        return Logger(label: label)
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
extension LogLineHandler.Format: ExpressibleByArgument {}
