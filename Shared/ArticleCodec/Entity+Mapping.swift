public import ArticleModel

extension Akhbar_V1_EntityType {
    /// The wire value of a model entity type. Total: every model type has a wire value.
    public init(_ type: EntityType) {
        switch type {
        case .person: self = .person
        case .organization: self = .organization
        case .location: self = .location
        case .date: self = .date
        }
    }
}

extension EntityType {
    /// The model type of a wire value, or `nil` for `ENTITY_TYPE_UNSPECIFIED` and for values
    /// this build does not know (added by a newer schema).
    ///
    /// Query filters read `nil` as "any type"; article decoding rejects it.
    public init?(_ type: Akhbar_V1_EntityType) {
        switch type {
        case .person: self = .person
        case .organization: self = .organization
        case .location: self = .location
        case .date: self = .date
        case .unspecified, .UNRECOGNIZED: return nil
        }
    }
}

extension Akhbar_V1_Entity {
    /// Creates the wire message for a model entity.
    ///
    /// Offsets are checked against the body by ``Akhbar_V1_EnrichedArticle/init(validating:)``;
    /// this initializer checks only what it can see.
    ///
    /// - Parameter entity: The entity to convert.
    /// - Throws: ``CodecError`` with code ``CodecError/Code/invalidArticle`` if the id or the
    ///   canonical form is empty, or an offset is negative or does not fit the wire's `uint32`.
    public init(validating entity: Entity) throws(CodecError) {
        try entity.checkInvariants()
        self.init()
        self.id = entity.id
        self.type = Akhbar_V1_EntityType(entity.type)
        self.canonical = entity.canonical
        self.mentions = []
        self.mentions.reserveCapacity(entity.mentions.count)
        for mention in entity.mentions {
            // checkInvariants made sure 0 <= start <= end; only the upper limit remains.
            guard let start = UInt32(exactly: mention.start), let end = UInt32(exactly: mention.end) else {
                throw CodecError(
                    code: .invalidArticle,
                    message: "Entity \(entity.id) has a mention at \(mention.start)..<\(mention.end), beyond the "
                        + "uint32 offsets the schema allows."
                )
            }
            var wire = Akhbar_V1_Entity.Mention()
            wire.text = mention.text
            wire.start = start
            wire.end = end
            self.mentions.append(wire)
        }
        if let value = entity.value { self.value = value }
    }
}

extension Entity {
    /// Creates a model entity from a decoded wire message.
    ///
    /// - Parameter message: The decoded message.
    /// - Throws: ``CodecError`` with code ``CodecError/Code/invalidArticle`` if the type is
    ///   unspecified or unknown, the id or canonical form is empty, or a mention has
    ///   `start > end`.
    public init(validating message: Akhbar_V1_Entity) throws(CodecError) {
        guard let type = EntityType(message.type) else {
            throw CodecError(
                code: .invalidArticle,
                message: "Entity \(message.id) has type \(message.type.rawValue), which is unspecified or "
                    + "unknown to this build (known: PERSON=1, ORGANIZATION=2, LOCATION=3, DATE=4)."
            )
        }
        self.init(
            id: message.id,
            type: type,
            canonical: message.canonical,
            mentions: message.mentions.map {
                EntityMention(text: $0.text, start: Int(clamping: $0.start), end: Int(clamping: $0.end))
            },
            value: message.hasValue ? message.value : nil
        )
        try self.checkInvariants()
    }
}
