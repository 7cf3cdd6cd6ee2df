import Foundation
import StorePort

/// The database file as it was opened, to notice when it is deleted or replaced underneath the store.
///
/// SQLite keeps writing into an unlinked file without an error, and every write is then lost at close; the
/// enricher would commit Kafka offsets for articles nobody can read.
struct DatabaseFile: Sendable {
    let path: String
    private let identity: Identity

    private struct Identity: Equatable {
        let device: UInt64
        let inode: UInt64
    }

    init(path: String) throws(StoreError) {
        guard let identity = Self.identity(of: path) else {
            throw StoreError(.removed, "the database \(path) disappeared while it was opened")
        }
        self.path = path
        self.identity = identity
    }

    /// - Throws: `StoreError.removed` when the path no longer leads to the file that was opened.
    func checkStillInPlace() throws(StoreError) {
        guard Self.identity(of: path) == identity else {
            throw StoreError(
                .removed,
                "the database \(path) was deleted or replaced while the store had it open; what was written since is "
                    + "lost, so nothing more is stored or committed")
        }
    }

    private static func identity(of path: String) -> Identity? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Identity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }
}
