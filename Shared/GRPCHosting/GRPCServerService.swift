import Foundation
public import GRPCCore
import GRPCNIOTransportHTTP2
public import Logging
public import ServiceLifecycle
import Synchronization
import UnixSignals

/// A gRPC server over HTTP/2 (SwiftNIO), run as a service of a `ServiceGroup`: SIGTERM lets calls
/// in progress finish, new ones are refused, and the health service reports NOT_SERVING meanwhile.
///
/// Every server gets the health service, the bearer-token check when a token is configured, the
/// request size limit and TLS when certificate files are configured.
public struct GRPCServerService: Service {
    private let server: GRPCServer<HTTP2ServerTransport.Posix>
    private let health: HealthService
    private let onListening: @Sendable (String) -> Void
    private let address: String
    private let state = ServingState()

    /// Whether the server accepts calls: it is listening and not shutting down. `/ready` reports it.
    public var isServing: Bool { state.serving.load(ordering: .relaxed) }

    /// - Parameter onListening: called with the bound address, such as `127.0.0.1:50051`, once the
    ///   server accepts connections; by default it prints `listening on ADDRESS`.
    public init(
        configuration: GRPCServerConfiguration, services: [any RegistrableRPCService],
        onListening: @escaping @Sendable (String) -> Void = Self.announce
    ) {
        let names = services.flatMap { service -> [String] in
            var router = RPCRouter<HTTP2ServerTransport.Posix>()
            service.registerMethods(with: &router)
            return Set(router.methods.map(\.service.fullyQualifiedService)).sorted()
        }
        health = HealthService(serving: names)
        let security: HTTP2ServerTransport.Posix.TransportSecurity =
            configuration.tls.map { files in
                .tls(
                    certificateChain: [.file(path: files.certificateChain, format: .pem)],
                    privateKey: .file(path: files.privateKey, format: .pem))
            } ?? .plaintext
        let transport = HTTP2ServerTransport.Posix(
            address: .ipv4(host: configuration.host, port: configuration.port),
            transportSecurity: security,
            config: .defaults { $0.rpc.maxRequestPayloadSize = configuration.transportLimit })
        // Counting first, so refused calls count too; then authentication: an unauthenticated caller learns
        // nothing, not even size limits.
        let interceptors: [any ServerInterceptor] =
            [RequestMetricsInterceptor()] + (configuration.token.map { [BearerTokenInterceptor(token: $0)] } ?? [])
            + [MessageSizeInterceptor(limit: configuration.maxRequestBytes)]
        server = GRPCServer(transport: transport, services: services + [health], interceptors: interceptors)
        self.onListening = onListening
        address = "\(configuration.host):\(configuration.port)"
    }

    /// Prints the line scripts and tests wait for, at once even when stdout is a pipe.
    public static func announce(_ address: String) {
        print("listening on \(address)")
        fflush(nil)
    }

    /// Serves until SIGTERM or SIGINT, then lets running calls finish; `alongside` (the operator endpoints) run and
    /// stop with it.
    public func runUntilSignalled(logger: Logger, alongside: [any Service] = []) async throws {
        try await ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: ([self] + alongside).map { .init(service: $0) },
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger)
        ).run()
    }

    /// Serves while `body` runs, handing it the bound port, then shuts down: a server and its
    /// clients in one process, as tests and benchmarks need.
    public func whileServing<Result: Sendable>(_ body: (Int) async throws -> Result) async throws -> Result {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.serve() }
            defer { server.beginGracefulShutdown() }
            return try await body(try await server.transport.listeningAddress.ipv4?.port ?? 0)
        }
    }

    public func run() async throws {
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask {
                    do {
                        try await server.serve()
                    } catch {
                        throw GRPCServingError(address: address, underlying: error)
                    }
                }
                // A server that cannot bind has no address; the error worth reporting is serve()'s.
                if let bound = try? await server.transport.listeningAddress {
                    state.serving.store(true, ordering: .relaxed)
                    onListening(bound.ipv4.map { "\($0.host):\($0.port)" } ?? "\(bound)")
                }
            }
        } onGracefulShutdown: {
            state.serving.store(false, ordering: .relaxed)
            health.shutDown()
            server.beginGracefulShutdown()
        }
    }
}

/// Whether a server is serving, shared by the copies of its service value.
private final class ServingState: Sendable {
    let serving = Atomic(false)
}

/// Why a server stopped serving, with the address it was asked to listen on: a port in use, say.
public struct GRPCServingError: Error, CustomStringConvertible {
    public let address: String
    public let underlying: any Error

    public var description: String { "cannot serve on \(address): \(underlying)" }
}
