import GRPCCore

/// Refuses calls without the configured bearer token with UNAUTHENTICATED.
///
/// The health service is exempt: load balancers and Kubernetes probes ask it without credentials,
/// and it tells nothing about the data.
struct BearerTokenInterceptor: ServerInterceptor {
    let token: BearerToken

    func intercept<Input: Sendable, Output: Sendable>(
        request: StreamingServerRequest<Input>,
        context: ServerContext,
        next: @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
    ) async throws -> StreamingServerResponse<Output> {
        guard context.descriptor.service == Grpc_Health_V1_Health.descriptor || isAuthorized(request.metadata) else {
            throw RPCError(code: .unauthenticated, message: "missing or wrong bearer token in the authorization header")
        }
        return try await next(request, context)
    }

    private func isAuthorized(_ metadata: Metadata) -> Bool {
        metadata[stringValues: "authorization"].contains { value in
            let parts = value.split(separator: " ", maxSplits: 1)
            return parts.count == 2 && parts[0].lowercased() == "bearer" && token.matches(String(parts[1]))
        }
    }
}
