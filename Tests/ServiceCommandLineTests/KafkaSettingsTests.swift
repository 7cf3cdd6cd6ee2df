import ArgumentParser
import Foundation
import Testing

@testable import ServiceCommandLine

@Suite("Kafka settings from files, variables and options")
struct KafkaSettingsTests {
    func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kafka-\(UUID().uuidString).properties")
        try text.write(to: path, atomically: true, encoding: .utf8)
        return path.path
    }

    @Test("a file's KEY=VALUE lines are read, # comments and blank lines skipped, `=` kept inside values")
    func fileLines() throws {
        let path = try file("# broker credentials\n\nsasl.username = analyst\nsasl.password=p=ss word\n")
        let options = try KafkaConnectionOptions.parse(["--kafka-option-file", path])
        #expect(options.librdkafkaOverrides["sasl.username"] == "analyst")
        #expect(options.librdkafkaOverrides["sasl.password"] == "p=ss word")
    }

    @Test("--kafka-option wins over files, later files over earlier ones")
    func precedence() throws {
        let first = try file("a=1\nb=1\nc=1\n")
        let second = try file("b=2\nc=2\n")
        let options = try KafkaConnectionOptions.parse([
            "--kafka-option-file", first, "--kafka-option-file", second, "--kafka-option", "c=3",
        ])
        #expect(options.librdkafkaOverrides["a"] == "1")
        #expect(options.librdkafkaOverrides["b"] == "2")
        #expect(options.librdkafkaOverrides["c"] == "3")
    }

    @Test("a missing file or a line that is not KEY=VALUE stops parsing, naming the line but not its text")
    func badFiles() throws {
        #expect(throws: (any Error).self) {
            try KafkaConnectionOptions.parse(["--kafka-option-file", "/nonexistent/kafka.properties"])
        }
        let path = try file("sasl.username=a\nhunter2\n")
        do {
            _ = try KafkaConnectionOptions.parse(["--kafka-option-file", path])
            Issue.record("a bad line was accepted")
        } catch {
            let message = KafkaConnectionOptions.message(for: error)
            #expect(message.contains("line 2") && !message.contains("hunter2"))
        }
    }

    @Test("AKHBAR_KAFKA_SASL_PASSWORD sets sasl.password; other variables are left alone")
    func environment() {
        let settings = KafkaConnectionOptions.environmentSettings([
            "AKHBAR_KAFKA_SASL_PASSWORD": "secret", "AKHBAR_KAFKA_SECURITY_PROTOCOL": "SASL_SSL", "AKHBAR_KAFKA_": "x",
            "KAFKA_SASL_PASSWORD": "other", "AKHBAR_BROKERS": "b:9092",
        ])
        #expect(settings == ["sasl.password": "secret", "security.protocol": "SASL_SSL"])
    }
}
