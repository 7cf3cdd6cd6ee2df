import ArticleModel

extension Entity {
    /// Checks what an entity needs on its own: an id, a canonical form, and mention ranges
    /// that are well formed. Whether the ranges fit the body is checked by the article.
    func checkInvariants() throws(CodecError) {
        guard !self.id.isEmpty else {
            throw CodecError(
                code: .invalidArticle,
                message: "An entity \"\(self.canonical)\" has an empty id; mentions of one entity share its id."
            )
        }
        guard !self.canonical.isEmpty else {
            throw CodecError(code: .invalidArticle, message: "Entity \(self.id) has an empty canonical form.")
        }
        for mention in self.mentions where mention.start < 0 || mention.start > mention.end {
            throw CodecError(
                code: .invalidArticle,
                message: "Entity \(self.id) has a mention \"\(mention.text)\" with the invalid range "
                    + "\(mention.start)..<\(mention.end)."
            )
        }
    }
}
