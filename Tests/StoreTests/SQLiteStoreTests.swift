import ArticleModel
import Foundation
import GRDB
import SQLiteStore
import StorePort
import StoreTestSupport
import Testing

/// What only the SQLite backend can meet: its file and its locks.
@Suite("SQLite store")
struct SQLiteStoreTests {
    private let fixtures = ArticleStoreConformanceTests()

    private static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("akhbar-\(UUID()).sqlite").path
    }

    /// A store in a fresh temporary file, removed when the test ends.
    private func withStore(_ body: (SQLiteArticleStore, String) async throws -> Void) async throws {
        try await withTemporarySQLitePath { path in try await body(try SQLiteArticleStore(path: path), path) }
    }

    private func article(_ id: String) -> EnrichedArticle { fixtures.article(id) }

    @Test("a database another writer holds locked: .locked after the busy wait, nothing of the batch stored")
    func lockedDatabase() async throws {
        try await withStore { store, path throws in
            // Another process's connection, holding the write lock across accesses.
            var configuration = Configuration()
            configuration.allowsUnsafeTransactions = true
            let other = try DatabaseQueue(path: path, configuration: configuration)
            try other.writeWithoutTransaction { db in try db.execute(sql: "BEGIN EXCLUSIVE") }
            await #expect {
                try await store.save([article("a")], consumed: [.init(topic: "t", partition: 0, offset: 1)], group: "g")
            } throws: { error in
                (error as? StoreError)?.code == .locked
            }
            try other.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }
            #expect(try await store.articleCount() == 0)
            #expect(try await store.storedOffsets(group: "g").isEmpty)
        }
    }

    @Test("a file that is not a database is refused with a typed error")
    func notADatabase() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("akhbar-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try SQLiteArticleStore(path: path) }
    }

    @Test("a database deleted while open fails the next save with .removed instead of writing into the void")
    func removedFileIsNoticed() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("akhbar-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteArticleStore(path: directory.appendingPathComponent("s.sqlite").path)
        try await store.save([article("before")])
        try FileManager.default.removeItem(at: directory)
        await #expect(throws: StoreError(.removed, "")) { try await store.save([self.article("after")]) }
        // Created again empty at the same path: still not the file the store holds.
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        #expect(
            FileManager.default.createFile(atPath: directory.appendingPathComponent("s.sqlite").path, contents: Data()))
        await #expect(throws: StoreError(.removed, "")) { try await store.save([self.article("after")]) }
    }

    @Test("readers refuse a missing database instead of creating an empty one, and errors name the path")
    func missingDatabaseForReaders() throws {
        let path = Self.temporaryPath()
        #expect {
            try SQLiteArticleStore(path: path, access: .existing)
        } throws: { error in
            (error as? StoreError)?.code == .cannotOpen && "\(error)".contains(path)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        let unopenable = "/nonexistent-\(UUID())/s.sqlite"
        #expect {
            try SQLiteArticleStore(path: unopenable)
        } throws: { error in
            (error as? StoreError)?.code == .cannotOpen && "\(error)".contains(unopenable)
        }
    }

    @Test("an immutable database file is refused at open with a clear error, not a fault later")
    func immutableFile() async throws {
        let path = Self.temporaryPath()
        defer {
            _ = try? Self.chattr("-i", path)
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        try await SQLiteArticleStore(path: path).save([article("a")])
        // chattr needs CAP_LINUX_IMMUTABLE and a file system that keeps the flag; where either is missing there is
        // nothing to test.
        guard (try? Self.chattr("+i", path)) == 0 else { return }
        #expect {
            try SQLiteArticleStore(path: path)
        } throws: { error in
            (error as? StoreError)?.code == .cannotOpen && "\(error)".contains("not writable")
        }
    }

    private static func chattr(_ flag: String, _ path: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [flag, path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
