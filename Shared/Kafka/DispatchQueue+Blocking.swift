import Dispatch

extension DispatchQueue {
    /// Runs blocking librdkafka work on this queue, off Swift's cooperative thread pool, and returns its result.
    ///
    /// Errors travel inside `Value` (a `Result`), so callers keep typed throws.
    func perform<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            self.async { continuation.resume(returning: work()) }
        }
    }
}
