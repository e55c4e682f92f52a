/// Every French text the emulator writes, byte for byte as the behaviour
/// spec gives it. No other file holds a French message.
public enum Messages {
    // MARK: Response words (spec §7, §8)
    public static let success = "succès"
    public static let failure = "échec"
    public static let finished = "terminé"
    public static let importedCountKey = "nombre_lignes_importées"
    public static let rejectedCountKey = "nombre_lignes_non_importées"

    // MARK: Journal (spec §6)
    public static func opening(_ path: String) -> String { "Ouverture de la société \(path)" }
    public static func disconnection(_ user: String) -> String { "Déconnexion de l'utilisateur \(user)" }
    public static func opened(_ path: String) -> String { "Société \(path) ouverte" }
    public static func taskStarted(_ task: String) -> String { "Lancement de la tâche \(task)" }
    public static func ignoredField(_ name: String, table: String) -> String {
        "Le champ \(name) n'existe pas dans la table \(table) : il est ignoré"
    }
    public static let importSucceeded = "L'import a été effectué avec succès."
    public static func importedCount(_ n: Int) -> String { importedCountPrefix + String(n) }
    public static func rejectedCount(_ n: Int) -> String { rejectedCountPrefix + String(n) }
    public static func lineRejected(_ k: Int) -> String { lineRejectedPrefix + String(k) + lineRejectedSuffix }
    public static func taskFinished(_ task: String) -> String { "Tâche \(task) terminée" }
    /// ImporterArticles' documented last line.
    public static func taskFinishedBare(_ task: String) -> String { "Tâche \(task)" }
    /// ImporterImmobilisations' documented last line.
    public static func taskFinishedUnspaced(_ task: String) -> String { "Tâche \(task)terminée" }
    /// A line accepted with warnings (Devises' documented journal), then each warning.
    public static func lineWarnings(_ k: Int) -> String { "La ligne \(k) comporte les avertissements suivants :" }
    public static let currencyRateWarning =
        "La date d'actualisation et le cours de la devise ne sont modifiables que par l'assistant d'actualisation des devises."
    public static func invalidBBAN(_ bban: String) -> String { "Attention ! Le numéro BBAN \(bban) n'est pas valide." }
    public static func closing(_ path: String) -> String { "Fermeture de la société \(path)" }

    // MARK: Documents (DocumentsVente, DocumentsAchat, DocumentsStock; D79, D80)
    public static func documentCreated(_ number: String) -> String { documentCreatedPrefix + number + documentCreatedSuffix }
    public static let documentCreatedPrefix = "La pièce "
    public static let documentCreatedSuffix = " a été créée"
    public static func documentNotCreated(_ family: DocumentRules.Family) -> String {
        switch family {
        case .sales: "Le document de vente n'a pas été créé."
        case .purchase: "Le document d'achat n'a pas été créé."
        case .stock: "Le document de stock n'a pas été créé."
        }
    }
    /// A message about one line of a document, `k` counting the file's lines (the header included).
    public static func documentLine(_ k: Int, _ message: String) -> String { "Ligne \(k) : \(message)" }
    public static let invalidDeliveryDate = "La date de livraison n'est pas valide"
    public static let priceBelowCost = "Le prix de vente de l'article est inférieur au prix de revient."
    public static func insufficientStock(_ article: String, current: String, quantity: String) -> String {
        "Stock de l'article \(article) insuffisant. Stock actuel : \(current). Quantité à sortir : \(quantity)."
    }
    public static func documentExists(_ number: String) -> String { "La pièce \(number) existe déjà" }
    public static func negativeQuantity(_ quantity: String) -> String { "La quantité \(quantity) doit être positive" }

    // MARK: Accounting entries (Ecritures; RequeteCréationEcritures.md « Retour », D81)
    /// The report's lines, as the documented answer writes them.
    public enum EntryReportText {
        public static let heading = "Ci-dessous le rapport d'import :"
        public static let rule = String(repeating: "#", count: 60)
        public static let summary = "Résumé"
        public static func entryLinesImportable(_ n: Int) -> String { entryLinesImportablePrefix + String(n) }
        public static func entryLinesRejectable(_ n: Int) -> String { entryLinesRejectablePrefix + String(n) }
        public static func dueDateLinesImportable(_ n: Int) -> String { dueDateLinesImportablePrefix + String(n) }
        public static func dueDateLinesRejectable(_ n: Int) -> String { dueDateLinesRejectablePrefix + String(n) }
        public static let entryLinesImportablePrefix = "Lignes d'écritures importables : "
        public static let entryLinesRejectablePrefix = "Lignes d'écritures rejetables : "
        public static let dueDateLinesImportablePrefix = "Lignes d'échéances importables : "
        public static let dueDateLinesRejectablePrefix = "Lignes d'échéances rejetables : "
        public static func errorCount(_ n: Int) -> String { errorCountPrefix + String(n) }
        public static func warningCount(_ n: Int) -> String { warningCountPrefix + String(n) }
        public static let errorCountPrefix = "ERREURS : "
        public static let warningCountPrefix = "AVERTISSEMENTS : "
        /// One error, in the legend's terms: `ERR E3 : …` (D81).
        public static func error(_ letter: String, _ line: Int, _ message: String) -> String { "\(errorTag) \(letter)\(line) : \(message)" }
        public static func warning(_ letter: String, _ line: Int, _ message: String) -> String { "\(warningTag) \(letter)\(line) : \(message)" }
        public static let errorTag = "ERR"
        public static let warningTag = "AV"
        public static let entryLetter = "E"
        public static let dueDateLetter = "H"
        public static let analyticLetter = "S"
        /// The accounts file has no letter in the legend: its lines are named `Compte 2` (D81).
        public static let accountWord = "Compte "
        public static func importedFile(_ path: String) -> String { "Fichier d'écritures importé : \(path)" }
        public static let workFileName = "Ecritures.txt"
        public static let legend = [
            "Légende :",
            "ERR : Erreur provoquant le rejet de la ligne",
            "AV : Avertissement ne provoquant pas le rejet de la ligne",
            "E : Ligne d'écriture",
            "S : Section analytique",
            "H : Ligne d'échéance",
        ]
    }

    /// The eight `statistiques` keys of the documented answer, in its order.
    public enum EntryStatisticsKey {
        public static let errors = "nombre_erreurs"
        public static let warnings = "nombre_avertissements"
        public static let entryLinesImported = "nombre_lignes_écritures_importées"
        public static let entryLinesRejected = "nombre_lignes_écritures_rejetées"
        public static let dueDateLinesImported = "nombre_lignes_échéances_importées"
        public static let dueDateLinesRejected = "nombre_lignes_échéances_rejetées"
        public static let analyticLinesImported = "nombre_lignes_analytiques_importées"
        public static let analyticLinesRejected = "nombre_lignes_analytiques_rejetées"
    }

    // Messages of our own about entries (D81).
    public static func badEntryDate(_ value: String, _ field: String, _ forms: [String]) -> String {
        "La valeur '\(value)' du champ \(field) n'est pas une date au format \(forms.joined(separator: " ou "))"
    }
    public static func unbalancedEntry(_ journal: String, _ date: String, _ piece: String, debit: String, credit: String) -> String {
        "L'écriture du journal \(journal) du \(date)\(piece.isEmpty ? "" : ", pièce \(piece),") est déséquilibrée : débit \(debit), crédit \(credit)"
    }
    public static func dueDatesTotal(_ total: String, _ amount: String) -> String {
        "Le total des échéances (\(total)) est différent du montant de la ligne d'écriture (\(amount)) : l'écriture est rejetée"
    }
    public static func analyticTotal(_ total: String, _ amount: String) -> String {
        "Le total de la ventilation analytique (\(total)) est différent du montant de la ligne d'écriture (\(amount)) : l'écriture est rejetée"
    }
    public static let orphanDueDate = "Ligne d'échéance sans ligne d'écriture avant elle"
    public static let orphanAnalytic = "Ligne d'analytique sans ligne d'écriture avant elle"
    public static let dueDateIgnored = "La ligne d'écriture a une date d'échéance : cette ligne d'échéance est ignorée"
    public static let dueDateWithoutAmount = "L'échéance n'a ni montant ni pourcentage"
    public static let analyticWithoutAmount = "La ventilation n'a ni montant ni pourcentage"
    public static func unknownSection(_ section: String, plan: String) -> String {
        "La section analytique \(section)\(plan.isEmpty ? "" : " du plan \(plan)") n'existe pas : la ventilation est ignorée"
    }
    public static let debitAndCredit = "Les montants au débit et au crédit sont tous deux renseignés"
    public static func sectionOfAnotherPlan(_ section: String, plan: String) -> String {
        "La section analytique \(section) n'appartient pas au plan \(plan) : la ventilation est ignorée"
    }
    /// A yes/no value as Gestimum writes it (a stored entry's `simulation`).
    public static let yes = "Oui"
    public static let no = "Non"

    // MARK: The parts of the count and rejection lines (the harness reads journals back with them)
    public static let importedCountPrefix = "Nombre de lignes importées : "
    public static let rejectedCountPrefix = "Nombre de lignes non importées : "
    public static let lineRejectedPrefix = "La ligne "
    public static let lineRejectedSuffix = " n'a pas pu être importée :"

    // MARK: Request errors (spec §2, §8)
    public static func missingParameter(_ key: String) -> String { "Le paramètre \(key) est obligatoire" }
    public static func notAnObject(_ key: String) -> String { "Le paramètre \(key) doit être un objet" }
    public static func notAString(_ key: String) -> String { "Le paramètre \(key) doit être une chaîne de caractères" }
    public static func badYesNo(_ value: String, _ key: String) -> String {
        "La valeur '\(value)' du paramètre \(key) est incorrecte (Oui ou Non attendu)"
    }
    /// `format` names none of the accounting-entries import's formats (D81).
    public static func unknownEntryFormat(_ value: String, _ formats: [String]) -> String {
        "Le format '\(value)' est inconnu (formats possibles : \(formats.joined(separator: ", ")))"
    }
    /// `fichier_comptes` given with a format that has no accounts file (D81).
    public static func accountsFileNotRead(_ format: String, _ readers: [String]) -> String {
        "Le paramètre fichier_comptes n'est pas lu au format \(format) (formats qui le lisent : \(readers.joined(separator: ", ")))"
    }
    public static let separatorTooLong = "Le séparateur de champs doit être un seul caractère"
    public static let delimiterTooLong = "L'identificateur de texte doit être un seul caractère"
    public static func linesNotAnArray(_ key: String) -> String { "Le paramètre \(key) doit être un tableau de lignes" }
    public static let erpVersionTooOld = "La création de contacts nécessite Gestimum ERP version 9 ou supérieure"
    /// The ERP gate of the imports other than contacts (R3).
    public static func erpVersionTooOld(task: String, major: Int) -> String {
        "La tâche \(task) nécessite Gestimum ERP version \(major) ou supérieure"
    }

    // MARK: Task failures (spec §3, §4)
    public static func unknownCompany(_ path: String) -> String { "La société \(path) n'existe pas" }
    public static func unknownUser(_ code: String) -> String { "L'utilisateur \(code) n'existe pas" }
    public static func wrongPassword(_ code: String) -> String { "Mot de passe incorrect pour l'utilisateur \(code)" }
    public static func alreadyConnected(_ code: String) -> String { "L'utilisateur \(code) est déjà connecté" }
    public static let othersConnected = "Ouverture exclusive impossible : d'autres utilisateurs sont connectés"
    public static func heldExclusively(_ path: String) -> String { "La société \(path) est ouverte en mode exclusif" }
    public static func duplicateField(_ name: String) -> String { "Le champ \(name) est présent plusieurs fois" }

    // MARK: Record rejections (spec §4, §5)
    public static let unclosedDelimiter = "Identificateur de texte non fermé"
    public static func valueCount(_ n: Int, _ m: Int) -> String { "Nombre de valeurs incorrect : \(n) au lieu de \(m)" }
    public static let missingCode = "Code manquant"
    public static let missingName = "Nom manquant"
    public static func tooLong(_ field: String, _ max: Int) -> String {
        "La valeur du champ \(field) dépasse la longueur maximale (\(max) caractères)"
    }
    public static func unknownThirdParty(_ code: String) -> String { "Le code tiers \(code) n'existe pas" }
    public static func unknownCriterion(_ number: Int, _ code: String) -> String { "Le critère \(number) \(code) n'existe pas" }
    public static func unknownFunction(_ code: String) -> String { "La fonction \(code) n'existe pas" }
    public static func unknownContact(_ number: String) -> String { "Le contact \(number) n'existe pas" }
    /// The record a numbered import's line names does not exist.
    public static func unknownNumbered(_ domain: String, _ number: String) -> String {
        domain == "Contacts" ? unknownContact(number) : "L'enregistrement \(number) n'existe pas"
    }
    /// A required field other than the code and the contact's name (D71).
    public static func missingField(_ field: String) -> String { "Le champ \(field) est obligatoire" }
    /// The type names a rejection says were expected (`… est incorrecte ({type} attendu)`).
    public enum TypeName {
        public static let checkbox = "case"
        public static let decimal = "decimal"
        public static let integer = "entier"
        public static let date = "date"
        public static let dateTime = "date et heure"
        public static let text = "texte"
    }
    /// None of a group of fields of which one is required has a value.
    public static func missingOneOf(_ fields: [String]) -> String {
        "L'un des champs \(fields.joined(separator: ", ")) est obligatoire"
    }
    /// A value outside a field's allowed codes.
    public static func badValue(_ value: String, _ field: String) -> String {
        "La valeur '\(value)' du champ \(field) n'est pas autorisée"
    }
    /// A code naming no record of another import (D71).
    public static func unknownReference(_ target: String, _ code: String) -> String {
        switch target {
        case "Articles": "L'article \(code) n'existe pas"
        case "Pays": "Le pays \(code) n'existe pas"
        case "Devises": "La devise \(code) n'existe pas"
        case "Commerciaux": "Le commercial \(code) n'existe pas"
        case "Affaires": "L'affaire \(code) n'existe pas"
        case "Salaries": "Le salarié \(code) n'existe pas"
        case "FamillesArticles": "La famille d'articles \(code) n'existe pas"
        case "SousFamillesArticles": "La sous-famille d'articles \(code) n'existe pas"
        case "ModesReglements": "Le mode de règlement \(code) n'existe pas"
        case "Depots": "Le dépôt \(code) n'existe pas"
        case "SectionsAnalytiques": "La section analytique \(code) n'existe pas"
        case "Comptes": "Le compte \(code) n'existe pas"
        default: "Le code \(code) n'existe pas"
        }
    }
    public static func badCustomValue(_ value: String, _ field: String, _ type: String) -> String {
        "La valeur '\(value)' du champ \(field) est incorrecte (\(type) attendu)"
    }

    // MARK: Protocol (spec §1, §8; DataSnap's own texts are English)
    public static let invalidJSON = "Message content is not a valid JSON value."
    public static func methodNotFound(_ className: String, _ method: String) -> String {
        "\(className).\(method) method not found in the server method list"
    }
    public static let sessionExpired = "The specified session has expired due to inactivity or was an invalid Session ID"
    public static func pathNotFound(_ path: String) -> String { "\(path) not found" }
    public static func bodyTooLarge(_ limit: Int) -> String {
        "Le corps de la requête dépasse la taille maximale (\(limit) octets)"
    }

    /// A request whose body stopped before its end (the connection closed): `expected` is its `Content-Length`.
    public static func incompleteBody(_ received: Int, _ expected: Int?) -> String {
        "La requête est incomplète : le corps s'est arrêté après \(received) octets"
            + (expected.map { " sur \($0)" } ?? "")
    }

    // MARK: Outils (spec §1)
    public static let webServiceVersion = "2.0.0 (18/09/2019 14:37:08)"
    public static let defaultERPVersion = "9.0.0.0 (01/01/2020 00:00:00)"
}
