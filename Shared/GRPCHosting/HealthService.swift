public import GRPCCore
import SwiftProtobuf
import Synchronization

/// The standard gRPC health service (grpc.health.v1.Health) over the statuses a server sets.
///
/// The empty service name stands for the whole server. Statuses start as SERVING for every service
/// hosted, and turn NOT_SERVING when the server begins to shut down (``shutDown()``), so a
/// balancer stops routing new calls while the running ones finish.
public final class HealthService: Grpc_Health_V1_Health.SimpleServiceProtocol {
    public typealias Status = Grpc_Health_V1_HealthCheckResponse.ServingStatus

    private struct State {
        var statuses: [String: Status]
        var watchers: [Int: AsyncStream<Status>.Continuation] = [:]
        var nextWatcher = 0
    }

    private let state: Mutex<State>

    /// - Parameter services: the fully qualified names of the services hosted, all SERVING.
    public init(serving services: [String]) {
        state = Mutex(State(statuses: Dictionary(uniqueKeysWithValues: ([""] + services).map { ($0, .serving) })))
    }

    /// Reports every service NOT_SERVING and ends the Watch streams after telling them, so that
    /// watchers do not hold a shutting-down server open.
    public func shutDown() {
        state.withLock { state in
            for service in state.statuses.keys { state.statuses[service] = .notServing }
            for watcher in state.watchers.values {
                watcher.yield(.notServing)
                watcher.finish()
            }
        }
    }

    public func check(request: Grpc_Health_V1_HealthCheckRequest, context: ServerContext) async throws
        -> Grpc_Health_V1_HealthCheckResponse
    {
        guard let status = state.withLock({ $0.statuses[request.service] }) else {
            throw RPCError(
                code: .notFound, message: "unknown service \(String(request.service.prefix(64)).debugDescription)")
        }
        return .with { $0.status = status }
    }

    public func watch(
        request: Grpc_Health_V1_HealthCheckRequest,
        response: RPCWriter<Grpc_Health_V1_HealthCheckResponse>,
        context: ServerContext
    ) async throws {
        let (updates, continuation) = AsyncStream.makeStream(of: Status.self, bufferingPolicy: .bufferingNewest(1))
        let id = state.withLock { state in
            defer { state.nextWatcher += 1 }
            continuation.yield(state.statuses[request.service] ?? .serviceUnknown)
            if state.statuses[request.service] != nil {
                state.watchers[state.nextWatcher] = continuation
            } else {
                continuation.finish()
            }
            return state.nextWatcher
        }
        defer { state.withLock { _ = $0.watchers.removeValue(forKey: id) } }
        var last: Status?
        for await status in updates where status != last {
            try await response.write(.with { $0.status = status })
            last = status
        }
    }
}
