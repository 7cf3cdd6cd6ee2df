public import ArgumentParser
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

    @Option(help: "The address of --metrics-port: :: is every interface, IPv4 and IPv6; 127.0.0.1 this host only.")
    var metricsHost = "::"

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
        return OperatorEndpoints(host: metricsHost, port: metricsPort ?? 0, readiness: readiness) {
            exposition.text(registryText: registry.emitToString())
        }
    }

    /// The endpoints of a gRPC server, ready while it accepts calls; none without `--metrics-port`.
    public func services(
        of server: GRPCServerService, program: String, registry: PrometheusCollectorRegistry?, logger: Logger
    ) -> [any Service] {
        guard let registry else { return [] }
        let endpoints = endpoints(serving: registry, program: program) {
            server.isServing ? .ready : .notReady(reason: "the gRPC server is not accepting calls")
        }
        return [endpoints.service(logger: logger)]
    }
}
