import ArticleModel

extension EnrichedArticle {
    /// Checks the invariants of an enriched article that the wire schema requires: an article
    /// id, an enrichment version, valid entities, and mention ranges inside the clean body.
    /// Encoding and decoding both run it, so consumers can slice the body by mention offsets
    /// without checking again.
    ///
    /// Timestamps are checked where they are converted, in the mapping.
    func checkInvariants() throws(CodecError) {
        guard !self.articleID.isEmpty else {
            throw CodecError(code: .invalidArticle, message: "EnrichedArticle.articleID is empty.")
        }
        guard !self.enrichmentVersion.isEmpty else {
            throw CodecError(
                code: .invalidArticle,
                message: "EnrichedArticle \(self.articleID) has an empty enrichment version; replays rely on it."
            )
        }
        guard !self.entities.isEmpty else { return }
        let scalarCount = self.body.unicodeScalars.count
        for entity in self.entities {
            try entity.checkInvariants()
            for mention in entity.mentions where mention.end > scalarCount {
                throw CodecError(
                    code: .invalidArticle,
                    message: "EnrichedArticle \(self.articleID): entity \(entity.id) has a mention "
                        + "\"\(mention.text)\" at \(mention.start)..<\(mention.end), past the end of the body "
                        + "(\(scalarCount) Unicode scalars)."
                )
            }
        }
    }
}
