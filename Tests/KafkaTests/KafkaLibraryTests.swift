import Kafka
import Testing

@Suite("KafkaLibrary")
struct KafkaLibraryTests {
    @Test("the loaded librdkafka is accepted")
    func loadedVersionIsSupported() throws {
        try KafkaLibrary.checkVersion()
        #expect(KafkaLibrary.isSupported(KafkaLibrary.version))
        #expect(KafkaLibrary.versionString == KafkaLibrary.format(KafkaLibrary.version))
    }

    @Test("2.0.2 is refused with the reason and the fix")
    func oldVersionIsRefused() {
        #expect(!KafkaLibrary.isSupported(0x0200_02ff))
        let error = #expect(throws: KafkaError(code: .versionTooOld)) {
            try KafkaLibrary.checkVersion(0x0200_02ff)
        }
        let message = error?.message ?? ""
        #expect(message.contains("librdkafka 2.0.2 is loaded"))
        #expect(message.contains("ApiVersionRequest failed: Read underflow"))
        #expect(message.contains("scripts/setup.sh"))
        #expect(message.contains("/usr/local"))
    }

    @Test(
        "2.2.0, 2.8.0, a 2.2.0 release candidate and 3.0.0 are accepted",
        arguments: [
            Int32(0x0202_00ff), 0x0208_00ff, 0x0202_0001, 0x0300_00ff,
        ])
    func newVersionsAreAccepted(version: Int32) throws {
        try KafkaLibrary.checkVersion(version)
    }

    @Test("2.1.1 is refused")
    func justBelowMinimumIsRefused() {
        #expect(!KafkaLibrary.isSupported(0x0201_01ff))
    }

    @Test("versions format as major.minor.revision")
    func formatting() {
        #expect(KafkaLibrary.format(0x0208_00ff) == "2.8.0")
        #expect(KafkaLibrary.format(0x0200_02ff) == "2.0.2")
    }
}
