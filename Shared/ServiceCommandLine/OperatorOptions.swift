public import ArgumentParser
import Foundation
public import GRPCHosting
public import Logging
import Metrics
public import OperatorHTTP
public import Prometheus
public import ServiceLifecycle

/// `--metrics-port` and `--metrics-host`: where a process serves `/health`, `/ready` and `/metrics`.
public struct OperatorOptions: ParsableArguments {
    @Option(help: "Serve /health, /ready and Prometheus /metrics over HTTP on this port (default: none).")
    public var metricsPort: Int?

    @Option(
        help: """
            The address of --metrics-port (default: every interface, IPv4 and IPv6, or IPv4 only on a kernel \
            without IPv6); 127.0.0.1 for this host only.
            """)
    var metricsHost: String?

    /// Every interface: `::` (IPv4 and IPv6) where the kernel has IPv6, `0.0.0.0` where it was booted without,
    /// so that probes still find the port on such hosts instead of the process failing to start.
    static var everyInterface: String {
        let probe = socket(AF_INET6, Int32(SOCK_STREAM.rawValue), 0)
        guard probe >= 0 else { return "0.0.0.0" }
        close(probe)
        return "::"
    }

    public init() {}

    public func validate() throws {
        if let metricsPort, !(0...65_535).contains(metricsPort) {
            throw ValidationError("--metrics-port must be 0…65535")
        }
    }

    /// Sends the process's swift-metrics to a new Prometheus registry when `--metrics-port` is given; nil when it is
    /// not. Once per process, before anything makes a metric: metrics bind to the backend when they are made.
    public func bootstrapMetrics() -> PrometheusCollectorRegistry? {
        guard metricsPort != nil else { return nil }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }

    /// The endpoints these options ask for, `/metrics` showing `registry` with `helpTexts`, the process families and
    /// `akhbar_build_info` (program, release and `buildLabels`).
    public func endpoints(
        serving registry: PrometheusCollectorRegistry, program: String, helpTexts: [String: String] = [:],
        buildLabels: [(String, String)] = [], readiness: @escaping @Sendable () -> OperatorEndpoints.Readiness
    ) -> OperatorEndpoints {
        let exposition = MetricsExposition(
            helpTexts: helpTexts,
            buildLabels: [("program", program), ("version", AkhbarRelease.version)] + buildLabels)
        return OperatorEndpoints(host: metricsHost ?? Self.everyInterface, port: metricsPort ?? 0, readiness: readiness)
        {
            exposition.text(registryText: registry.emitToString())
        }
    }

    /// The endpoints of a gRPC server, ready while it accepts calls; none without `--metrics-port`.
    public func services(
        of server: GRPCServerService, program: String, registry: PrometheusCollectorRegistry?, logger: Logger
    ) -> [any Service] {
        guard let registry else { return [] }
        let endpoints = endpoints(serving: registry, program: program, helpTexts: GRPCServerMetricFamily.helpTexts) {
            server.isServing ? .ready : .notReady(reason: "the gRPC server is not accepting calls")
        }
        return [endpoints.service(logger: logger)]
    }
}
