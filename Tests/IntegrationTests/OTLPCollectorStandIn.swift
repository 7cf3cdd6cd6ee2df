import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// What an OpenTelemetry collector would receive, for tests: an OTLP/HTTP receiver of traces in OTLP's JSON
/// encoding (`OTEL_EXPORTER_OTLP_PROTOCOL=http/json`) that keeps every span it is sent.
final class OTLPCollectorStandIn: Sendable {
    /// A received span, with the `service.name` of the process that sent it.
    struct ReceivedSpan: Sendable {
        var service: String
        var traceID: String
        var spanID: String
        var parentSpanID: String?
        var name: String
        var attributes: [String: String]
        /// The span ids this span links to.
        var links: [String]
    }

    private let received = Mutex<[ReceivedSpan]>([])

    private static let logger: Logger = {
        var logger = Logger(label: "otlp-stand-in")
        logger.logLevel = .warning
        return logger
    }()

    var spans: [ReceivedSpan] { received.withLock { $0 } }

    /// Runs the receiver on a free loopback port while `body` runs, handing `body` the endpoint to export to.
    func serve<Result: Sendable>(_ body: @Sendable (String) async throws -> Result) async throws -> Result {
        let router = Router()
        router.post("/v1/traces") { request, _ -> Response in
            let bytes = try await request.body.collect(upTo: 64 << 20)
            let export = try JSONDecoder().decode(ExportRequest.self, from: Data(bytes.readableBytesView))
            self.received.withLock { $0 += export.spans }
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: "{}")))
        }
        let (ports, listening) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in listening.yield(channel.localAddress?.port ?? 0) },
            logger: Self.logger)
        let group = ServiceGroup(services: [application], logger: Self.logger)
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            do {
                guard let port = await ports.first(where: { _ in true }) else { throw CancellationError() }
                let result = try await body("http://127.0.0.1:\(port)")
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return result
            } catch {
                tasks.cancelAll()
                throw error
            }
        }
    }
}

/// The parts of OTLP's `ExportTraceServiceRequest` JSON that the tests read.
private struct ExportRequest: Decodable {
    struct ResourceSpans: Decodable {
        var resource: Resource
        var scopeSpans: [ScopeSpans]
    }
    struct Resource: Decodable {
        var attributes: [KeyValue]
    }
    struct ScopeSpans: Decodable {
        var spans: [Span]
    }
    struct Span: Decodable {
        var traceId: String
        var spanId: String
        var parentSpanId: String?
        var name: String
        var attributes: [KeyValue]?
        var links: [Link]?
    }
    struct Link: Decodable {
        var spanId: String
    }
    struct KeyValue: Decodable {
        var key: String
        var value: Value
    }
    /// Strings as they are; integers come as decimal strings in OTLP's JSON.
    struct Value: Decodable {
        var stringValue: String?
        var intValue: String?
        var text: String { stringValue ?? intValue ?? "" }
    }

    var resourceSpans: [ResourceSpans]

    var spans: [OTLPCollectorStandIn.ReceivedSpan] {
        resourceSpans.flatMap { resource in
            let service = resource.resource.attributes.first { $0.key == "service.name" }?.value.text ?? ""
            return resource.scopeSpans.flatMap(\.spans).map { span in
                OTLPCollectorStandIn.ReceivedSpan(
                    service: service, traceID: span.traceId, spanID: span.spanId,
                    parentSpanID: span.parentSpanId.flatMap { $0.isEmpty ? nil : $0 }, name: span.name,
                    attributes: Dictionary(
                        (span.attributes ?? []).map { ($0.key, $0.value.text) }, uniquingKeysWith: { $1 }),
                    links: (span.links ?? []).map(\.spanId))
            }
        }
    }
}
