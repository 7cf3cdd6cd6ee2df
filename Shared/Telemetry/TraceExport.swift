import Foundation
public import Logging
import OTel
import ServiceLifecycle
import Tracing

/// OpenTelemetry traces, exported over OTLP/HTTP when the standard `OTEL_*` variables ask for it and off otherwise.
///
/// On when `OTEL_TRACES_EXPORTER` names an exporter (`otlp`, `console`) or an OTLP endpoint is set
/// (`OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`); `OTEL_SDK_DISABLED=true` turns it off.
/// The other variables (`OTEL_EXPORTER_OTLP_PROTOCOL`, `OTEL_SERVICE_NAME`, `OTEL_RESOURCE_ATTRIBUTES`,
/// `OTEL_TRACES_SAMPLER`, `OTEL_BSP_*`) are read by swift-otel as the specification says.
public enum TraceExport {
    /// Whether `environment` asks for traces.
    public static func isRequested(by environment: [String: String]) -> Bool {
        if environment["OTEL_SDK_DISABLED"]?.lowercased() == "true" { return false }
        if let exporter = environment["OTEL_TRACES_EXPORTER"] { return exporter.lowercased() != "none" }
        return environment["OTEL_EXPORTER_OTLP_ENDPOINT"] != nil
            || environment["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] != nil
    }

    /// Runs `body` with the process's tracer exporting its spans when `environment` asks for it, and exports the
    /// spans still queued before returning, whether `body` returned or threw. Call it once per process: the tracer
    /// is process-global.
    ///
    /// - Parameters:
    ///   - serviceName: `service.name` of the spans, unless `OTEL_SERVICE_NAME` says otherwise.
    ///   - version: `service.version` of the spans.
    ///   - logger: Where the exporter reports failures to send (warnings and worse).
    /// - Throws: what `body` throws, or `TraceExportError` when the variables cannot be used.
    public static func run<Result>(
        serviceName: String, version: String, logger: Logger, _ body: () async throws -> Result
    ) async throws -> Result {
        guard isRequested(by: ProcessInfo.processInfo.environment) else { return try await body() }
        var configuration = OTel.Configuration.default
        configuration.serviceName = serviceName
        configuration.resourceAttributes["service.version"] = version
        configuration.diagnosticLogger = .custom(logger)
        configuration.diagnosticLogLevel = .warning
        configuration.logs.enabled = false
        configuration.metrics.enabled = false
        configuration.traces.exporter = .otlp
        let backend: (factory: any Tracer, service: any Service)
        do {
            backend = try OTel.makeTracingBackend(configuration: configuration)
        } catch {
            throw TraceExportError(reason: "\(error)")
        }
        InstrumentationSystem.bootstrap(backend.factory)
        let exporter = ServiceGroup(configuration: .init(services: [backend.service], logger: logger))
        async let exporting: Void = exporter.run()
        let outcome: Swift.Result<Result, any Error>
        do {
            outcome = .success(try await body())
        } catch {
            outcome = .failure(error)
        }
        await exporter.triggerGracefulShutdown()
        do {
            try await exporting
        } catch {
            logger.warning("the trace exporter stopped on an error", metadata: ["error": "\(error)"])
        }
        return try outcome.get()
    }
}

/// The `OTEL_*` variables name something this build cannot export to.
public struct TraceExportError: Error, CustomStringConvertible {
    public var reason: String

    public var description: String { "cannot export traces as the OTEL_* variables ask: \(reason)" }
}
