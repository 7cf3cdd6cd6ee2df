import GRPCCore
import SwiftProtobuf

/// Refuses request messages larger than the configured limit with RESOURCE_EXHAUSTED.
///
/// The transport has a limit of its own, but it answers by resetting the HTTP/2 stream, which
/// clients report as CANCELLED: no status, no reason. So the transport is given a wider hard limit
/// (``GRPCServerConfiguration/transportLimit``) that bounds what the server ever buffers, and this
/// check gives every message between the two a proper status. Checking costs one re-encoding of
/// each message to learn its size; SwiftProtobuf keeps no encoded size.
struct MessageSizeInterceptor: ServerInterceptor {
    let limit: Int

    func intercept<Input: Sendable, Output: Sendable>(
        request: StreamingServerRequest<Input>,
        context: ServerContext,
        next: @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
    ) async throws -> StreamingServerResponse<Output> {
        let limit = limit
        let checked = request.messages.map { message throws -> Input in
            if let protobuf = message as? any SwiftProtobuf.Message {
                let size = (try protobuf.serializedBytes() as [UInt8]).count
                guard size <= limit else {
                    throw RPCError(
                        code: .resourceExhausted,
                        message: "the request message has \(size) bytes; this server accepts at most \(limit)")
                }
            }
            return message
        }
        var request = request
        request.messages = RPCAsyncSequence(wrapping: checked)
        return try await next(request, context)
    }
}
