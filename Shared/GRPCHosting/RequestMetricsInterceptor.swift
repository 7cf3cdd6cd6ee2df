import GRPCCore
import Metrics

/// The families a gRPC server exports, named and labelled as operators know them from go-grpc-prometheus, so that
/// existing dashboards and alerts work on them.
public enum GRPCServerMetricFamily: String, CaseIterable, Sendable {
    case handled = "grpc_server_handled_total"
    case handlingTime = "grpc_server_handling_seconds"

    public var help: String {
        switch self {
        case .handled: "RPCs completed on the server, by service, method and status code."
        case .handlingTime: "Seconds from an RPC's start to its status, by service and method."
        }
    }

    /// Every family's help text by name, for the operator endpoints.
    public static var helpTexts: [String: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.help) })
    }
}

/// Counts every RPC by its final status code and times it until its status is sent, whatever refused it (the
/// bearer token, a size limit, the handler), so it runs first.
struct RequestMetricsInterceptor: ServerInterceptor {
    func intercept<Input: Sendable, Output: Sendable>(
        request: StreamingServerRequest<Input>,
        context: ServerContext,
        next: @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
    ) async throws -> StreamingServerResponse<Output> {
        let started = ContinuousClock.now
        let method = context.descriptor
        let record: @Sendable (RPCError.Code?) -> Void = { code in
            let labels = [("grpc_service", method.service.fullyQualifiedService), ("grpc_method", method.method)]
            Timer(label: GRPCServerMetricFamily.handlingTime.rawValue, dimensions: labels)
                .record(duration: ContinuousClock.now - started)
            Counter(
                label: GRPCServerMetricFamily.handled.rawValue,
                dimensions: labels + [("grpc_code", code.map(Self.name) ?? "OK")]
            ).increment()
        }
        let response: StreamingServerResponse<Output>
        do {
            response = try await next(request, context)
        } catch {
            record((error as? RPCError)?.code ?? .unknown)
            throw error
        }
        switch response.accepted {
        case .failure(let error):
            record(error.code)
            return response
        case .success(var contents):
            // The handler's work happens while the response is written: the status is known when that ends.
            let produce = contents.producer
            contents.producer = { writer in
                do {
                    let trailers = try await produce(writer)
                    record(nil)
                    return trailers
                } catch {
                    record((error as? RPCError)?.code ?? .unknown)
                    throw error
                }
            }
            return StreamingServerResponse(accepted: .success(contents))
        }
    }

    /// The status code as the gRPC specification spells it (`NOT_FOUND`), as go-grpc-prometheus labels it.
    static func name(_ code: RPCError.Code) -> String {
        String(describing: code).reduce(into: "") { name, character in
            if character.isUppercase, !name.isEmpty { name.append("_") }
            name.append(character.uppercased())
        }
    }
}
