import ArgumentParser
import ArticleModel
import Foundation

/// A time on the command line, read as the ingest reads `published_at` (``DateText/instant(_:)``).
struct TimeArgument {
    let date: Date

    /// - Throws: `ValidationError` naming the forms accepted, which ArgumentParser prints after the option's name.
    init(parsing text: String) throws {
        guard let date = DateText.instant(text) else {
            throw ValidationError("not a day or time; give \(DateText.acceptedForms)")
        }
        self.date = date
    }
}
