import Foundation

/// Companies to install in the emulator, in the format of
/// `shared/spec/scenario-format.md` (section Fixture).
public struct Fixture: Sendable, Equatable, Codable {
    public struct User: Sendable, Equatable, Codable {
        public var code: String
        public var mot_passe: String?
    }

    /// A session already open on the company.
    public struct Session: Sendable, Equatable, Codable {
        public var utilisateur: String
        public var exclusif: Bool?
    }

    public struct ThirdParty: Sendable, Equatable, Codable {
        public var code: String
        public var type: String?
    }

    public struct CustomFieldDefinition: Sendable, Equatable, Codable {
        public var nom: String
        public var type: CustomField.Kind
        public var taille: Int?
        public var valeurs: [String]?
    }

    /// One company to install: its path, users, sessions, reference data and contacts.
    public struct CompanySetup: Sendable, Equatable, Codable {
        public var fichier: String
        public var utilisateurs: [User]
        public var connectes: [Session]?
        public var tiers: [ThirdParty]?
        public var criteres: [String: [String]]?
        public var fonctions: [String]?
        public var champs_personnalises: [CustomFieldDefinition]?
        public var contacts: [[String: String]]?
    }

    public var erp_version: String?
    public var societes: [CompanySetup]

    public init(erp_version: String? = nil, societes: [CompanySetup]) {
        self.erp_version = erp_version
        self.societes = societes
    }

    /// The ERP version the server reports (spec §1).
    public var erpVersion: String { erp_version ?? Messages.defaultERPVersion }

    /// Decodes and checks a fixture; every problem found is listed.
    public static func decode(_ data: Data) throws(FixtureError) -> Fixture {
        let fixture: Fixture
        do {
            fixture = try JSONDecoder().decode(Fixture.self, from: data)
        } catch {
            throw FixtureError(problems: [FixtureError.describe(error)])
        }
        let problems = fixture.problems()
        guard problems.isEmpty else { throw FixtureError(problems: problems) }
        return fixture
    }

    /// The embedded DEMO company of the documented example.
    public static var demo: Fixture {
        guard let url = Bundle.module.url(forResource: "demo", withExtension: "json"),
              let data = try? Data(contentsOf: url),
              let fixture = try? decode(data)
        else { preconditionFailure("the embedded demo fixture is part of the build") }
        return fixture
    }

    func problems() -> [String] {
        var problems: [String] = []
        if erp_version != nil, ERPVersion.major(of: erpVersion) == nil {
            problems.append("erp_version \"\(erpVersion)\" does not start with a version number")
        }
        var paths: Set<String> = []
        for company in societes {
            let place = "societes[\(company.fichier)]"
            if !paths.insert(company.fichier.lowercased()).inserted {
                problems.append("\(place): the company is listed twice")
            }
            if !company.fichier.contains("\\") {
                problems.append("\(place): fichier must be a full Windows path")
            }
            for key in (company.criteres ?? [:]).keys where key != "1" && key != "2" {
                problems.append("\(place): criteres has key \"\(key)\"; only \"1\" and \"2\" exist")
            }
            let customNames = (company.champs_personnalises ?? []).map { $0.nom.uppercased() }
            for field in company.champs_personnalises ?? [] {
                if field.type == .text, field.taille == nil {
                    problems.append("\(place): custom field \(field.nom) of type texte needs a taille")
                }
                if field.type == .list, (field.valeurs ?? []).isEmpty {
                    problems.append("\(place): custom field \(field.nom) of type liste needs valeurs")
                }
            }
            let known = Set(ContactField.allCases.map(\.rawValue) + [ContactField.numberName] + customNames)
            for (i, contact) in (company.contacts ?? []).enumerated() {
                for key in contact.keys where !known.contains(key.uppercased()) {
                    problems.append("\(place): contacts[\(i)] has unknown field \(key)")
                }
                if (contact[ContactField.numberName] ?? "").isEmpty {
                    problems.append("\(place): contacts[\(i)] has no CCT_NUMERO")
                }
            }
        }
        return problems
    }
}

/// A fixture that cannot be installed, with every problem found.
public struct FixtureError: Error, Equatable, Sendable, CustomStringConvertible {
    public let problems: [String]

    public init(problems: [String]) { self.problems = problems }

    public var description: String { problems.joined(separator: "; ") }

    static func describe(_ error: any Error) -> String {
        switch error {
        case let DecodingError.keyNotFound(key, context):
            return "missing key \(path(context.codingPath + [key]))"
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context):
            return "wrong type at \(path(context.codingPath)): \(context.debugDescription)"
        case let DecodingError.dataCorrupted(context):
            return "invalid value at \(path(context.codingPath)): \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}
