import ArticleModel
import EntityTagging
import TaggerTools
import Testing

@Suite("CoNLL articles")
struct CoNLLArticleTests {
    static func sentence(_ pairs: [(String, String)]) -> LabeledSentence {
        LabeledSentence(tokens: pairs.map(\.0), tags: pairs.map { BIOTag(label: $0.1) ?? .outside })
    }

    @Test("sentences become articles; a person's short name joins the full one; MISC is left out")
    func articles() {
        let sentences = [
            Self.sentence([("قال", "O"), ("فلاديمير", "B-PER"), ("بوتين", "I-PER"), ("في", "O"), ("موسكو", "B-LOC")]),
            Self.sentence([("وأضاف", "O"), ("بوتين", "B-PER"), ("إن", "O"), ("المونديال", "B-MISC")]),
            Self.sentence([("زار", "O"), ("موسكو", "B-LOC")]),
        ]
        let articles = CoNLLArticle.articles(from: sentences, sentencesPerArticle: 2)
        #expect(articles.count == 2)
        #expect(articles[0].text == "قال فلاديمير بوتين في موسكو\nوأضاف بوتين إن المونديال\n")
        let people = articles[0].gold.entities.filter { $0.type == .person }
        #expect(people.map(\.surfaces) == [["فلاديمير بوتين", "بوتين"]])
        #expect(articles[0].gold.entities.count == 2)
        #expect(articles[1].gold.entities.map(\.canonical) == ["موسكو"])
    }

    @Test("surfaces that differ only by proclitics are one gold entity, as the seeds' gold writes them")
    func proclitics() {
        let sentences = [
            Self.sentence([("زار", "O"), ("ألمانيا", "B-LOC"), ("وفرنسا", "B-LOC")]),
            Self.sentence([("وعاد", "O"), ("من", "O"), ("بألمانيا", "B-LOC"), ("إلى", "O"), ("وألمانيا", "B-LOC")]),
        ]
        let gold = CoNLLArticle.articles(from: sentences)[0].gold.entities
        #expect(gold.count == 2)
        #expect(gold.contains { Set($0.surfaces) == ["ألمانيا", "بألمانيا", "وألمانيا"] })
    }

    @Test("a proclitic glued to a name without the article (بتونس, لمصر) still makes one gold entity")
    func procliticsWithoutArticle() {
        let sentences = [
            Self.sentence([("زار", "O"), ("تونس", "B-LOC"), ("ومصر", "B-LOC")]),
            Self.sentence([("وعاد", "O"), ("من", "O"), ("بتونس", "B-LOC"), ("إلى", "O"), ("لمصر", "B-LOC")]),
        ]
        let gold = CoNLLArticle.articles(from: sentences)[0].gold.entities
        #expect(gold.count == 2)
        #expect(gold.contains { Set($0.surfaces) == ["تونس", "بتونس"] })
        #expect(gold.contains { Set($0.surfaces) == ["ومصر", "لمصر"] })
    }
}
