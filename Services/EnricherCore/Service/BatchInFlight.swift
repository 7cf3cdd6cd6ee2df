import Synchronization

/// A batch being stored and committed while the polling loop goes on, so that a slow or locked store never keeps
/// the member from polling (past `max.poll.interval` the group would take its partitions away).
final class BatchInFlight: Sendable {
    private let task: Task<Void, any Error>
    private let landedFlag: LandedFlag

    /// Starts `store` at once on a task of its own.
    init(store: @escaping @Sendable () async throws -> Void) {
        let landedFlag = LandedFlag()
        self.landedFlag = landedFlag
        task = Task {
            defer { landedFlag.value.store(true, ordering: .releasing) }
            try await store()
        }
    }

    /// Whether the store finished, successfully or not; ``landing()`` then returns without waiting.
    var hasLanded: Bool { landedFlag.value.load(ordering: .acquiring) }

    /// Waits for the store to finish and rethrows its error.
    func landing() async throws {
        try await task.value
    }

    private final class LandedFlag: Sendable {
        let value = Atomic(false)
    }
}
