import ArabicText
import Foundation
import Testing

@testable import EntityTagging

@Suite("Gazetteer")
struct TaggingGazetteerTests {
    @Test("the bundled gazetteers load, with every kind present")
    func bundled() throws {
        let gazetteer = try Gazetteer.bundled()
        let counts = Dictionary(grouping: gazetteer.entries, by: \.kind).mapValues(\.count)
        #expect(counts[.location, default: 0] >= 300)
        #expect(counts[.organization, default: 0] >= 80)
        #expect(counts[.givenName, default: 0] >= 200)
        #expect(counts[.month] == 24)  // Gregorian 1…12 and Hijri H1…H12
        for kind in LexiconKind.allCases {
            #expect(counts[kind, default: 0] > 0, "no \(kind.rawValue) entries")
        }
        #expect(gazetteer.fingerprint.count == 16)
        let months = gazetteer.entries.filter { $0.kind == .month }.map(\.canonical)
        #expect(months.compactMap { Int($0) }.sorted() == Array(1...12))
        #expect(months.filter { $0.hasPrefix("H") }.compactMap { Int($0.dropFirst()) }.sorted() == Array(1...12))
    }

    @Test("each kind's ordinal is its place in declaration order, the numbering the trained model's features use")
    func ordinals() {
        #expect(LexiconKind.allCases.map(\.ordinal) == Array(LexiconKind.allCases.indices))
    }

    @Test("no spelling names two different places, organizations or people")
    func unambiguous() throws {
        let normalizer = ArabicNormalizer()
        var owners: [String: Set<String>] = [:]
        for entry in try Gazetteer.bundled().entries where entry.kind.entityType != nil {
            for form in entry.forms {
                owners[normalizer.key(form), default: []].insert("\(entry.kind.rawValue):\(entry.canonical)")
            }
        }
        let ambiguous = owners.filter { $0.value.count > 1 }
        #expect(ambiguous.isEmpty, "\(ambiguous)")
    }

    @Test("no person is listed with a title: titles stay outside the name")
    func personsWithoutTitles() throws {
        let gazetteer = try Gazetteer.bundled()
        let titles = Set(gazetteer.entries.filter { $0.kind == .role }.flatMap(\.forms))
        for entry in gazetteer.entries where entry.kind == .person {
            for form in entry.forms {
                let first = form.split(separator: " ").first.map(String.init) ?? form
                #expect(!titles.contains(first), "\(form) starts with a title")
            }
        }
    }

    @Test("lines are canonical, type and optional aliases; comments and blank lines are skipped")
    func parse() throws {
        let text =
            "# comment\n\nفيينا\tLOCATION\n الرباط \tLOCATION\t\nالمغرب\tLOCATION\tالمملكة المغربية| المغرب الأقصى \n"
        let entries = try Gazetteer.parse(text, file: "test.tsv")
        #expect(entries.map(\.canonical) == ["فيينا", "الرباط", "المغرب"])
        #expect(entries[2].forms == ["المغرب", "المملكة المغربية", "المغرب الأقصى"])
    }

    @Test("malformed lines and unknown types are errors that name the file and line")
    func errors() {
        #expect(throws: GazetteerError(.malformedLine, "")) { try Gazetteer.parse("فيينا\n", file: "x.tsv") }
        do {
            _ = try Gazetteer.parse("# ok\nفيينا\tCITY\n", file: "x.tsv")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .unknownType)
            #expect(error.dataFile == "x.tsv" && error.dataLine == 2)
        }
    }

    @Test("a directory without gazetteers is an error")
    func missing() {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        #expect(throws: GazetteerError(.missingResource, "")) { try Gazetteer.load(from: empty) }
    }

    @Test("the fingerprint follows the data")
    func fingerprint() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("places.tsv")
        try "فيينا\tLOCATION\n".write(to: file, atomically: true, encoding: .utf8)
        let first = try Gazetteer.load(from: directory).fingerprint
        try "فيينا\tLOCATION\tڤيينا\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(try Gazetteer.load(from: directory).fingerprint != first)
    }

    @Test("names only the rules read change the data's fingerprint, not the model's, and no feature")
    func rulesOnly() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        let rules = directory.appendingPathComponent(Gazetteer.rulesOnlyFolder)
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "فيينا\tLOCATION\n".write(
            to: directory.appendingPathComponent("places.tsv"), atomically: true, encoding: .utf8)
        let before = try Gazetteer.load(from: directory)
        try "أطباء بلا حدود\tORGANIZATION\n".write(
            to: rules.appendingPathComponent("organizations.tsv"), atomically: true, encoding: .utf8)
        let after = try Gazetteer.load(from: directory)
        #expect(after.modelFingerprint == before.modelFingerprint)
        #expect(after.fingerprint != before.fingerprint)
        #expect(after.entries.map(\.informsModel) == [true, false])

        // The rules find the name; the model's description of the words is the one it had without it.
        let sentence = ["وصلت", "قافلة", "أطباء", "بلا", "حدود", "إلى", "فيينا"]
        let (old, new) = (
            NERFeatureExtractor(lexicon: TaggingLexicon(gazetteer: before)),
            NERFeatureExtractor(lexicon: TaggingLexicon(gazetteer: after))
        )
        #expect(old.describe(sentence).map(\.gazetteerBitSet) == new.describe(sentence).map(\.gazetteerBitSet))
        #expect(old.dataFingerprint == new.dataFingerprint)
        let lexicon = TaggingLexicon(gazetteer: after)
        let words = ParagraphAnalysis(
            source: Array(sentence.joined(separator: " ").unicodeScalars)[...], tokenizer: lexicon.tokenizer
        ).words
        #expect(lexicon.matches(at: 2, in: words).contains { $0.kind == .organization && $0.words == 2..<5 })
    }
}
