/// Runs `body` and cancels it after `limit`, so that a test stuck in a wait fails instead of hanging the run.
///
/// Swift Testing's `.timeLimit` records an issue but still waits for the test to return; this returns once `body`
/// honours the cancellation, which every wait of the Kafka clients does.
/// - Returns: What `body` returned, or `nil` when `limit` passed first.
func withDeadline<Result: Sendable>(
    _ limit: Duration,
    _ body: @escaping @Sendable () async throws -> Result
) async throws -> Result? {
    try await withThrowingTaskGroup(of: Result?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try? await Task.sleep(for: limit)
            return nil
        }
        defer { group.cancelAll() }
        return try await group.next() ?? nil
    }
}
