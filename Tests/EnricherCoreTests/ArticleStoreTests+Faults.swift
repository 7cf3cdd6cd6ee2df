import EnricherCore
import Foundation
import Kafka
import Testing

extension ArticleStoreTests {
    private static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("akhbar-\(UUID()).sqlite").path
    }

    @Test("a message is known as handled only at its position with the same digest: a re-created topic's is new")
    func handledMessagesNeedTheSameDigest() async throws {
        try await withStore { store, _ in
            let position = KafkaTopicPartitionOffset(topic: "t", partition: 0, offset: 7)
            try await store.save(
                [article("a")], handled: [HandledMessage(position: position, digest: 42, outcome: .stored)])
            #expect(
                try await store.outcome(of: HandledMessage(position: position, digest: 42, outcome: .stored)) == .stored
            )
            #expect(
                try await store.outcome(of: HandledMessage(position: position, digest: 43, outcome: .stored)) == nil)
            let elsewhere = KafkaTopicPartitionOffset(topic: "t", partition: 1, offset: 7)
            #expect(
                try await store.outcome(of: HandledMessage(position: elsewhere, digest: 42, outcome: .stored)) == nil)
            // The message now at that offset replaces the record.
            try await store.save([], handled: [HandledMessage(position: position, digest: 43, outcome: .deadLettered)])
            #expect(
                try await store.outcome(of: HandledMessage(position: position, digest: 43, outcome: .stored))
                    == .deadLettered)
        }
    }

    @Test("a database deleted while open fails the next save with .removed instead of writing into the void")
    func removedFileIsNoticed() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("akhbar-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try ArticleStore(path: directory.appendingPathComponent("s.sqlite").path)
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
            try ArticleStore(path: path, access: .existing)
        } throws: { error in
            (error as? StoreError)?.code == .cannotOpen && "\(error)".contains(path)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        let unopenable = "/nonexistent-\(UUID())/s.sqlite"
        #expect {
            try ArticleStore(path: unopenable)
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
        try await ArticleStore(path: path).save([article("a")])
        // chattr needs CAP_LINUX_IMMUTABLE and a file system that keeps the flag; where either is missing there is
        // nothing to test.
        guard (try? Self.chattr("+i", path)) == 0 else { return }
        #expect {
            try ArticleStore(path: path)
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
