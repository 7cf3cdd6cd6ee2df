import Foundation
import ServiceCommandLine
import Synchronization

/// A self-overwriting "N handled" line on stderr, shown only when stderr is a terminal and at
/// most a few times a second, so logs and pipes stay clean.
final class ProgressLine: Sendable {
    private let enabled = isatty(STDERR_FILENO) == 1
    private let lastDraw = Mutex<ContinuousClock.Instant?>(nil)

    func update(_ handled: Int) {
        guard enabled else { return }
        let due = lastDraw.withLock { last in
            let now = ContinuousClock.now
            guard last.map({ now - $0 >= .milliseconds(200) }) ?? true else { return false }
            last = now
            return true
        }
        if due { printToStandardError("\r\(handled) articles handled", terminator: "") }
    }

    func finish() {
        if enabled { printToStandardError("\r\u{1B}[K", terminator: "") }
    }
}
