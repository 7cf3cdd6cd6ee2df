extension RDKafkaClient {
    /// Who may use the handle, kept in a `Mutex`: a count of leases, and the teardown that waits for them to be
    /// released before it destroys the handle. Methods return what the caller must do; continuations are resumed by
    /// the caller, outside the lock.
    struct Leases {
        enum Phase: Equatable {
            /// Leases are granted.
            case open
            /// No lease is granted; the handle is destroyed once the held ones are released.
            case tearingDown
            /// The handle is destroyed.
            case destroyed
        }

        enum Teardown {
            /// This caller destroys the handle, after awaiting the held leases when asked to.
            case destroy(awaitLeases: Bool)
            /// Another caller is tearing down: wait until it finished.
            case awaitTeardown
            /// The handle is already destroyed.
            case destroyed
        }

        private(set) var phase = Phase.open
        private var count = 0
        /// The teardown waiting for the last lease.
        private var releaseWaiter: CheckedContinuation<Void, Never>?
        /// Other callers of `tearDown(finally:)`, waiting for the first to finish.
        private var teardownWaiters: [CheckedContinuation<Void, Never>] = []

        /// Takes a lease; returns `false` once teardown began.
        mutating func acquire() -> Bool {
            guard case .open = phase else { return false }
            count += 1
            return true
        }

        /// Returns a lease; returns the teardown to resume when it was the last one it waited for.
        mutating func release() -> CheckedContinuation<Void, Never>? {
            precondition(count > 0, "a lease was released twice")
            count -= 1
            guard count == 0 else { return nil }
            defer { releaseWaiter = nil }
            return releaseWaiter
        }

        /// Refuses new leases from now on and says what the caller of `tearDown(finally:)` must do.
        mutating func beginTeardown() -> Teardown {
            switch phase {
            case .open:
                phase = .tearingDown
                return .destroy(awaitLeases: count > 0)
            case .tearingDown:
                return .awaitTeardown
            case .destroyed:
                return .destroyed
            }
        }

        /// Parks the teardown until the last lease is released; returns `false` when none is held any more.
        mutating func awaitRelease(_ continuation: CheckedContinuation<Void, Never>) -> Bool {
            guard count > 0 else { return false }
            releaseWaiter = continuation
            return true
        }

        /// Parks a second caller of `tearDown(finally:)`; returns `false` when the handle is already destroyed.
        mutating func awaitTeardown(_ continuation: CheckedContinuation<Void, Never>) -> Bool {
            guard case .tearingDown = phase else { return false }
            teardownWaiters.append(continuation)
            return true
        }

        /// Marks the handle destroyed; returns the other callers of `tearDown(finally:)` to resume.
        mutating func finishTeardown() -> [CheckedContinuation<Void, Never>] {
            phase = .destroyed
            defer { teardownWaiters = [] }
            return teardownWaiters
        }
    }
}
