import FixtureFiles
import Foundation
import Testing

@testable import ArabicText

/// Differential test against pyarabic, an established Arabic normalizer: on the rules both
/// share (lam-alef ligatures, tatweel, diacritics, alef forms, teh marbuta), the matching key
/// gives what pyarabic gives, on every word of the seeds and on generated words.
///
/// `scripts/pyarabic-key.py` applies pyarabic's functions for those rules. Where the key does
/// more or otherwise, the words or pyarabic's results are adjusted as listed, with reasons, in
/// ``deliberateDifferences`` (`PyArabicAgreementTests+Differences.swift`).
@Suite("ArabicNormalizer agrees with pyarabic")
struct PyArabicAgreementTests {
    /// A python with pyarabic; `scripts/test.sh` sets it to `.tools/venv/bin/python`.
    static let python = ProcessInfo.processInfo.environment["AKHBAR_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }

    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../../scripts/pyarabic-key.py")
        .standardized

    let normalizer = ArabicNormalizer()

    @Test(
        "the matching key agrees with pyarabic on every seed and generated word",
        .enabled(
            if: python != nil,
            "AKHBAR_PYTHON is unset: point it at a python with pyarabic (scripts/setup.sh installs .tools/venv)"
        )
    )
    func agreesWithPyArabic() throws {
        let words = try Self.seedWords() + Self.generatedWords(count: 4000, seed: 0xA4B4_A12E)
        #expect(words.count >= 3000)
        let results = try Self.runPyArabic(on: words.map(Self.beforePyArabic), python: try #require(Self.python))
        try #require(results.count == words.count, "pyarabic returned \(results.count) lines for \(words.count) words")

        var disagreements: [String] = []
        for (word, result) in zip(words, results) {
            let key = normalizer.key(word)
            let expected = Self.afterPyArabic(result)
            // Compare scalars: String's == would treat canonically equivalent spellings as equal.
            if Array(key.unicodeScalars) != Array(expected.unicodeScalars) {
                disagreements.append(
                    "\(Self.describe(word)): key \(Self.describe(key)), pyarabic \(Self.describe(expected))")
            }
        }
        // Not `.isEmpty`: on failure #expect would print the whole array.
        #expect(
            disagreements.count == 0,
            """
            \(disagreements.count) of \(words.count) words disagree; the first 20:
            \(disagreements.prefix(20).joined(separator: "\n"))
            """
        )
    }

    /// Every distinct whitespace-separated word of the seeds, in file order.
    static func seedWords() throws -> [String] {
        let files = try FixtureFiles.seedFiles()
        try #require(files.count == 5, "expected the five seeds in \(FixtureFiles.seedDirectory.path)")
        var seen = Set<[Unicode.Scalar]>()
        var words: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for word in text.unicodeScalars.split(whereSeparator: \.properties.isWhitespace)
            where seen.insert(Array(word)).inserted {
                words.append(String(String.UnicodeScalarView(word)))
            }
        }
        return words
    }

    /// Runs `scripts/pyarabic-key.py` on `words`, one per line, and returns its lines.
    static func runPyArabic(on words: [String], python: String) throws -> [String] {
        // The words go through a file, not a pipe: if the script dies early, writing to a pipe
        // would kill the test process with SIGPIPE instead of failing the test.
        let wordsFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("akhbar-pyarabic-words-\(ProcessInfo.processInfo.processIdentifier).txt")
        try Data(words.map { $0 + "\n" }.joined().utf8).write(to: wordsFile)
        defer { try? FileManager.default.removeItem(at: wordsFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path]
        let output = Pipe()
        process.standardInput = try FileHandle(forReadingFrom: wordsFile)
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(script.lastPathComponent) failed; see its stderr")
        // Split on "\n" scalars: as Characters, "\n" followed by a combining mark would not match.
        var lines = String(decoding: data, as: UTF8.self).unicodeScalars
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { String(String.UnicodeScalarView($0)) }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The text with its scalars in hex, so invisible and look-alike letters show.
    static func describe(_ text: String) -> String {
        let codes = text.unicodeScalars.map { String($0.value, radix: 16, uppercase: true) }
        return "\"\(text)\" [\(codes.joined(separator: " "))]"
    }
}
