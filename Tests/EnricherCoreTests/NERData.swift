import Foundation

/// The Arabic NER corpora outside the repository: `../shared/data/arabic-ner` next to the
/// package, or the directory named by `AKHBAR_NER_DATA`. Tests that need them skip without.
enum NERData {
    static let directory: URL =
        ProcessInfo.processInfo.environment["AKHBAR_NER_DATA"].map { URL(fileURLWithPath: $0) }
        ?? URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../../../shared/data/arabic-ner", isDirectory: true)
        .standardized

    /// The test part of the CAMeL Lab split of ANERcorp, as rebuilt in the data directory.
    static let anercorpTest = directory.appendingPathComponent("anercorp/camel-split-reconstructed/test.conll")

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: anercorpTest.path) }
}
