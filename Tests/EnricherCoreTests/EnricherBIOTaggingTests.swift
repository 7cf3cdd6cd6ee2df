import EntityTagging
import TaggerTools
import Testing

@Suite("Enricher as a BIO tagger")
struct EnricherBIOTaggingTests {
    @Test("mentions become B and I tags on the tokens they cover, proclitics included, across sentences")
    func tags() throws {
        let tagging = EnricherBIOTagging(enricher: try ArticleEnricher())
        let sentences = [
            ["وصل", "الرئيس", "الروسي", "فلاديمير", "بوتين", "إلى", "العاصمة", "المغربية", "بالرباط", "."],
            ["وقال", "إن", "الزيارة", "تدوم", "يومين", "."],
        ]
        let tags = try tagging.tags(for: sentences)
        #expect(tags.map(\.count) == sentences.map(\.count))
        #expect(tags[0][3] == .begin(.person) && tags[0][4] == .inside(.person))
        #expect(tags[0][8] == .begin(.location))
        #expect(tags[1].allSatisfy { $0 == .outside })
    }
}
