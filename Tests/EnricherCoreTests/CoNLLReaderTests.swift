import Foundation
import Testing

@testable import EntityTagging
@testable import TaggerTools

@Suite("CoNLLReader")
struct CoNLLReaderTests {
    @Test("tab and space separated lines; blank lines end sentences; CRLF and a BOM are accepted")
    func parse() throws {
        let text = "\u{FEFF}أعلن\tO\r\nاتحاد\tB-ORG\r\nالصناعة\tI-ORG\r\n\r\n\r\nفي O\nألمانيا B-LOC\n"
        let sentences = try CoNLLReader.parse(text, file: "x.conll")
        #expect(sentences.count == 2)
        #expect(sentences[0].tokens == ["أعلن", "اتحاد", "الصناعة"])
        #expect(sentences[0].tags == [.outside, .begin(.organization), .inside(.organization)])
        #expect(sentences[1].tags == [.outside, .begin(.location)])
    }

    @Test("ANERcorp's PERS is read as PER")
    func pers() throws {
        let sentences = try CoNLLReader.parse("بوتين B-PERS\nفلاديمير I-PERS\n", file: "x")
        #expect(sentences[0].tags == [.begin(.person), .inside(.person)])
    }

    @Test(
        "a line that is not token and tag is an error naming the file and line",
        arguments: ["ok\tO\nthree\tB-PER\textra\n", "ok\tO\n\nalone\n"]
    )
    func malformed(text: String) {
        #expect {
            try CoNLLReader.parse(text, file: "bad.conll")
        } throws: { error in
            guard let error = error as? CoNLLError else { return false }
            return error.code == .malformedLine && error.dataFile == "bad.conll"
                && (error.dataLine == 2 || error.dataLine == 3)
        }
    }

    @Test("an unknown tag is an error with its line")
    func unknownTag() {
        #expect {
            try CoNLLReader.parse("a\tO\nb\tB-DATE\n", file: "bad.conll")
        } throws: { error in
            (error as? CoNLLError)?.code == .unknownTag && (error as? CoNLLError)?.dataLine == 2
        }
    }

    @Test("a missing file is unreadable")
    func missing() {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        #expect(throws: CoNLLError(.unreadableFile, "", dataFile: "")) {
            try CoNLLReader.read(contentsOf: url)
        }
    }
}
