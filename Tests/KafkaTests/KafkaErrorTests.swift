import Kafka
import Testing

@Suite("KafkaError")
struct KafkaErrorTests {
    @Test("equality compares the code only")
    func equalityComparesCode() {
        let first = KafkaError(code: .timedOut, librdkafkaCode: -192, isRetriable: true, message: "one")
        let second = KafkaError(code: .timedOut, message: "two")
        #expect(first == second)
        #expect(first != KafkaError(code: .transport))
    }

    @Test("the error carries its fields and where it was made")
    func shape() {
        let error = KafkaError(code: .commit, librdkafkaCode: 27, isFatal: true, message: "commit failed")
        #expect(error.code == .commit)
        #expect(error.librdkafkaCode == 27)
        #expect(error.isFatal)
        #expect(!error.isRetriable)
        #expect(error.file.hasSuffix("KafkaErrorTests.swift"))
        #expect(error.line > 0)
        #expect(error.debugDescription.hasPrefix("KafkaError.commit: commit failed (librdkafka code 27, fatal)"))
        // What a terminal shows: the sentence, no type name, no source path.
        #expect(error.description == "commit failed")
    }

    @Test("codes have names")
    func codeNames() {
        #expect(KafkaError.Code.topicAlreadyExists.description == "topicAlreadyExists")
        #expect(KafkaError.Code.shutdown != .cancelled)
    }
}
