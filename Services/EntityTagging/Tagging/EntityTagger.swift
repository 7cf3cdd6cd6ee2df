import ArticleModel

/// Tags the paragraphs of a text: gazetteer names, dates, organizations, teams, people, bylines and venues, then
/// overlaps, the trained tagger's names where nothing else was found, places that name teams, surname coreference,
/// acronyms and linking into entities.
struct EntityTagger: Sendable {
    let lexicon: TaggingLexicon
    /// The trained tagger; `nil` tags with the gazetteers and rules alone.
    let statistical: StatisticalRecognizer?

    /// - Parameters:
    ///   - source: the text's Unicode scalars; mention offsets count them.
    ///   - paragraphs: the ranges of `source` to tag; no mention crosses a paragraph.
    ///   - reference: the publication day, which completes dates written without a year; without
    ///     one, the years the text states do (see ``YearAnchor``).
    func entities(in source: [Unicode.Scalar], paragraphs: [Range<Int>], reference: CivilDate?) -> [Entity] {
        entities(in: contexts(of: source, paragraphs: paragraphs), source: source, reference: reference)
    }

    /// The paragraphs of a text analysed for tagging, once: the recognizers read them, and so may the caller.
    func contexts(of source: [Unicode.Scalar], paragraphs: [Range<Int>]) -> [ParagraphContext] {
        let distinguishesAlefMaqsura = paragraphs.contains { source[$0].contains("\u{0649}") }
        return paragraphs.enumerated().map { index, range in
            ParagraphContext(
                index: index,
                analysis: ParagraphAnalysis(source: source[range], tokenizer: lexicon.tokenizer),
                lexicon: lexicon,
                distinguishesAlefMaqsura: distinguishesAlefMaqsura
            )
        }
    }

    /// The entities of analysed paragraphs (``contexts(of:paragraphs:)``) of `source`.
    func entities(in contexts: [ParagraphContext], source: [Unicode.Scalar], reference: CivilDate?) -> [Entity] {
        let dates = DateRecognizer()
        // Every paragraph's dates are read first: the years they state date the others.
        let written = contexts.map(dates.dates(in:))
        let anchor = YearAnchor(reference: reference, dates: written.joined())
        let places = PlaceRecognizer(knowledge: statistical?.tagger.extractor.knowledge ?? .empty)
        var candidates: [MentionCandidate] = []
        for context in contexts {
            candidates += GazetteerRecognizer.candidates(in: context)
            let paragraphDates = written[context.index]
            candidates += dates.candidates(of: paragraphDates, anchor: anchor, in: context)
            candidates += dates.bareYears(in: context, besides: paragraphDates)
            candidates += OrganizationRecognizer.candidates(in: context)
            candidates += PersonRecognizer.candidates(in: context)
            candidates += BylineRecognizer.candidates(in: context)
            candidates += DatelineRecognizer.candidates(in: context)
            candidates += places.candidates(in: context)
            candidates += TeamRecognizer.candidates(in: context)
        }
        var mentions = MentionResolver.resolve(candidates)
        if let statistical {
            // The lists and rules are more precise: the trained tagger only fills their gaps, and
            // lengthens the people the rules cut short (measured: letting it win everywhere gives
            // ANERcorp +3.5 F1 but the seeds' gold -19).
            let found = statistical.candidates(in: contexts)
            mentions = MentionResolver.adding(found, to: MentionResolver.widening(people: mentions, to: found))
        }
        mentions = MentionResolver.joiningAdjacentPeople(mentions, in: contexts)
        mentions = MentionResolver.completingPeople(mentions, in: contexts)
        mentions = VenueRecognizer.withVenues(mentions, in: contexts)
        mentions = SportsContext.retyped(mentions, in: contexts)
        mentions = MentionResolver.adding(CoreferenceRecognizer.candidates(for: mentions, in: contexts), to: mentions)
        mentions = AcronymLinker.linked(mentions, in: contexts)
        mentions = MentionResolver.adding(
            OrganizationRecognizer.coordinated(after: mentions, in: contexts), to: mentions)
        return EntityLinker(lexicon: lexicon).entities(from: mentions, in: contexts, source: source)
    }
}
