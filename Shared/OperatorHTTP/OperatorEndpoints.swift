import HTTPTypes
public import Hummingbird
public import Logging
import NIOCore
public import ServiceLifecycle

/// `/health`, `/ready` and `/metrics` for probes and scrapes, served by every Akhbar process that runs for long.
///
/// On SwiftNIO (through Hummingbird): connections are served by an event loop, so idle or slow clients hold no
/// thread and cannot delay the probes of others; a connection idle for ``idleTimeout`` is closed. GET and HEAD
/// only (405 with `Allow` otherwise); query strings are ignored, as scrapers add them.
public struct OperatorEndpoints: Sendable {
    /// Whether a process should be sent work, and why not.
    public enum Readiness: Sendable, Equatable {
        case ready
        case notReady(reason: String)
    }

    /// How long a connection may stay idle before it is closed.
    static let idleTimeout = TimeAmount.seconds(30)

    private let host: String
    private let port: Int
    private let readiness: @Sendable () -> Readiness
    private let metrics: @Sendable () -> String

    /// - Parameters:
    ///   - host: the address to listen on; `::` is every interface, IPv4 and IPv6.
    ///   - port: the port; 0 picks a free one, handed to `onListening` of ``service(logger:onListening:)``.
    ///   - readiness: asked at each `/ready`.
    ///   - metrics: the Prometheus text exposition, produced at each `/metrics`.
    public init(
        host: String, port: Int, readiness: @escaping @Sendable () -> Readiness,
        metrics: @escaping @Sendable () -> String
    ) {
        self.host = host
        self.port = port
        self.readiness = readiness
        self.metrics = metrics
    }

    /// The server, to run in the process's `ServiceGroup`: it stops with the group.
    public func service(logger: Logger, onListening: @escaping @Sendable (Int) -> Void = { _ in }) -> some Service {
        Application(
            router: router(),
            server: .http1(configuration: .init(idleTimeout: Self.idleTimeout)),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "akhbar"),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    func router() -> Router<BasicRequestContext> {
        // HEAD as GET without the body: probes and link checkers use it.
        let router = Router(options: .autoGenerateHeadEndpoints)
        router.add(middleware: ReadOnlyMethods())
        let (readiness, metrics) = (readiness, metrics)
        router.get("/health") { _, _ in Self.text("ok\n") }
        router.get("/ready") { _, _ in
            switch readiness() {
            case .ready: Self.text("ready\n")
            case .notReady(let reason): Self.text("not ready: \(reason)\n", status: .serviceUnavailable)
            }
        }
        router.get("/metrics") { _, _ in
            Self.text(metrics(), type: "text/plain; version=0.0.4; charset=utf-8")
        }
        return router
    }

    private static func text(
        _ text: String, status: HTTPResponse.Status = .ok, type: String = "text/plain; charset=utf-8"
    ) -> Response {
        Response(
            status: status, headers: [.contentType: type, .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

/// Refuses every method but GET and HEAD with 405 and the methods allowed: the endpoints change nothing.
struct ReadOnlyMethods<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        return try await next(request, context)
    }
}
