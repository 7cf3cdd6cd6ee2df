@testable import EntityTagging
@testable import TaggerTools

/// A tiny corpus with a pattern a tagger must learn from context alone: made-up names after
/// قال are people, after في places, and شركة starts a two-word organization.
enum NERToyCorpus {
    static let names = ["زيدون", "كرمان", "سلوان", "برهوم", "نضال", "رشوان", "عتاب", "فرحان"]
    static let places = ["تلمسان", "برقين", "عنابة", "دومة", "صيدا", "حماة", "سرت", "درنة"]

    static func sentence(name: String, place: String, company: String) -> LabeledSentence {
        LabeledSentence(
            tokens: ["قال", name, "إن", "شركة", company, "تعمل", "في", place, "."],
            tags: [
                .outside, .begin(.person), .outside, .begin(.organization), .inside(.organization), .outside,
                .outside, .begin(.location), .outside,
            ]
        )
    }

    /// Every name with every place, the companies taken from the names.
    static let training: [LabeledSentence] = names.indices.flatMap { index in
        places.indices.map { other in
            sentence(name: names[index], place: places[other], company: names[(index + other) % names.count])
        }
    }

    /// Words never seen in training.
    static let unseen = sentence(name: "مروان", place: "بنزرت", company: "جرجيس")

    static func trainer(epochs: Int = 5) throws -> PerceptronTrainer {
        var options = PerceptronTrainer.Options()
        options.epochs = epochs
        return try PerceptronTrainer(options: options)
    }
}
