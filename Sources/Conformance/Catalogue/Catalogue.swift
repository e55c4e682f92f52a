import Foundation
import GestimumEmulator

/// The edge-case catalogue: `docs/catalogue.md`, generated from `Scenarios/`
/// and `Golden/`. The text depends on nothing but the suite (scenarios sorted
/// by id, no dates), so a stale copy is found by comparing bytes.
public struct Catalogue: Sendable {
    /// How to regenerate the committed catalogue.
    public static let regenerateCommand = "swift run gestimum catalogue --output docs/catalogue.md"
    /// Where the catalogue is committed, from the package root.
    public static let committedPath = "docs/catalogue.md"
    /// The tag of scenarios showing a discrepancy in Gestimum's documentation.
    public static let discrepancyTag = "discrepancy"

    public var scenarios: [Scenario]
    public var golden: GoldenStore

    public init(scenarios: [Scenario], golden: GoldenStore) {
        self.scenarios = scenarios
        self.golden = golden
    }

    /// Loads the suite and renders it; throws ``ScenarioProblems`` naming
    /// every missing or unreadable scenario, fixture or golden file.
    public static func generate(scenarios: URL, golden: URL) throws -> String {
        let loaded = try ScenarioLoader(root: scenarios).loadAll()
        return try Catalogue(scenarios: loaded, golden: GoldenStore(root: golden)).markdown()
    }

    /// The Markdown text; throws ``ScenarioProblems`` for missing or unreadable golden files.
    public func markdown() throws -> String {
        Self.render(try CatalogueEntry.load(scenarios, golden: golden))
    }

    static func render(_ entries: [CatalogueEntry]) -> String {
        let groups = Dictionary(grouping: entries, by: \.scenario.group).sorted { $0.key < $1.key }
        var blocks: [String] = []
        blocks.append(intro(entries))
        blocks.append(contents(groups, entries))
        blocks.append(inferredRules(entries))
        blocks.append(discrepancies(entries))
        blocks.append(decisions(entries))
        for (group, members) in groups {
            blocks.append("## \(MarkdownText.anchor(groupAnchor(group)))\(MarkdownText.heading(group))")
            blocks.append(MarkdownText.count(members.count, "scenario") + ", " + provenanceCounts(members) + ".")
            blocks += members.map { ScenarioSection(entry: $0).markdown }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    // MARK: - Front matter

    private static func intro(_ entries: [CatalogueEntry]) -> String {
        """
        # Edge-case catalogue: Gestimum Web Service 2 imports

        <!-- Generated from Scenarios/ and Golden/ by `\(regenerateCommand)`. Do not edit by hand: CI fails when this file is stale. -->

        Every scenario of the conformance suite, with the request it sends and \
        the answer the reference emulator must give. Each lives in \
        `Scenarios/<group>/<name>/` (the request bodies are ready for curl) and \
        its expected answers in `Golden/<group>/<name>/`; `gestimum run` \
        replays them against the emulator or any implementation.

        Each scenario says where its expected behaviour comes from:

        - **documented**: the Gestimum Web Service 2 help (or the DataSnap \
        framework it is built on) shows this exchange or states the rule; \
        these are reproduced exactly.
        - **inferred**: the documentation is silent and the rule is ours: the \
        rules marked *inferred* in [behaviour.md](behaviour.md) and the choices \
        numbered in [decisions.md](decisions.md). A recording from a real \
        Gestimum server that contradicts one of them wins.
        - **observed**: recorded from a real Gestimum server.

        Sources cite sections of [behaviour.md](behaviour.md) as `§N`, \
        decisions as `Dn`, and pages of the Gestimum help by their path in its \
        public repository ([karla-dedeler/aide-en-ligne](\(SourceText.helpRepository)), \
        folder `docs/`); all three are links.

        The suite holds \(MarkdownText.count(entries.count, "scenario")): \(provenanceCounts(entries)).

        Requests are shown by their lines (`fichier_contacts`, `fichier_clients`, …); their other \
        parameters are listed only where they differ from the documented \
        example (`DEMO.Gestimum`, user `DEMO`, empty password, `deconnecter` \
        and `exclusif` `Non`; `journal`, `statistiques` and `entete` `Oui`, \
        `noms_champs` empty, separator `;`, no text delimiter). Steps use \
        `POST /api/rest/Contacts/%22Importer%22` (or their import's route, \
        which they name) and expect HTTP 200 unless they say otherwise. Long blocks keep their first \(LineBlock.head) and \
        last \(LineBlock.tail) lines.
        """
    }

    private static func contents(_ groups: [(key: String, value: [CatalogueEntry])], _ entries: [CatalogueEntry]) -> String {
        var lines = ["## Contents", ""]
        let inferred = entries.filter { $0.scenario.provenance == .inferred }.count
        let discrepancies = entries.filter { $0.scenario.tags.contains(discrepancyTag) }.count
        lines.append("- \(MarkdownText.link("Inferred rules", to: "inferred-rules")) (\(inferred))")
        lines.append("- \(MarkdownText.link("Discrepancies in Gestimum's documentation", to: "discrepancies")) (\(discrepancies))")
        lines.append("- \(MarkdownText.link("Decisions and their scenarios", to: "decisions")) (\(Set(entries.flatMap(\.decisions)).count))")
        lines.append("")
        lines.append(MarkdownText.row(["Group", "Scenarios"] + Provenance.allCases.map { $0.rawValue.capitalized }))
        lines.append("|---|--:|" + String(repeating: "--:|", count: Provenance.allCases.count))
        for (group, members) in groups {
            let counts = Provenance.allCases.map { p in String(members.filter { $0.scenario.provenance == p }.count) }
            lines.append(MarkdownText.row([MarkdownText.link(MarkdownText.text(group), to: groupAnchor(group)), String(members.count)] + counts))
        }
        let totals = Provenance.allCases.map { p in String(entries.filter { $0.scenario.provenance == p }.count) }
        lines.append(MarkdownText.row(["**Total**", "**\(entries.count)**"] + totals.map { "**\($0)**" }))
        lines.append("")
        lines += imports(entries)
        return lines.joined(separator: "\n")
    }

    /// The scenarios per import they call ([scenario-format.md](scenario-format.md#import)),
    /// imports in domain order, then those that call none.
    private static func imports(_ entries: [CatalogueEntry]) -> [String] {
        var lines = ["Scenarios by the import they call:", ""]
        lines.append(MarkdownText.row(["Import", "Scenarios"] + Provenance.allCases.map { $0.rawValue.capitalized }))
        lines.append("|---|--:|" + String(repeating: "--:|", count: Provenance.allCases.count))
        let byImport = Dictionary(grouping: entries, by: \.scenario.importDomain)
        let domains: [String?] = byImport.keys.compactMap { $0 }.sorted() + (byImport[nil] == nil ? [] : [nil])
        for domain in domains {
            let members = byImport[domain] ?? []
            let counts = Provenance.allCases.map { p in String(members.filter { $0.scenario.provenance == p }.count) }
            lines.append(MarkdownText.row([importName(domain), String(members.count)] + counts))
        }
        return lines
    }

    /// An import linked to its structure in `imports.md`, or `none`.
    static func importName(_ domain: String?) -> String {
        guard let domain else { return "none" }
        return "[\(MarkdownText.text(domain))](imports.md#\(CatalogueEntry.slug(domain)))"
    }

    private static func inferredRules(_ entries: [CatalogueEntry]) -> String {
        let inferred = entries.filter { $0.scenario.provenance == .inferred }
        var lines = ["## \(MarkdownText.anchor("inferred-rules"))Inferred rules", ""]
        lines.append(
            "The rules the emulator follows where Gestimum's documentation is silent, one row per "
                + "`inferred` scenario. A recording from a real server that contradicts one of them wins.")
        lines.append("")
        guard !inferred.isEmpty else { return (lines + ["None."]).joined(separator: "\n") }
        lines.append(MarkdownText.row(["Scenario", "Rule", "Source"]))
        lines.append("|---|---|---|")
        for entry in inferred {
            let scenario = entry.scenario
            lines.append(MarkdownText.row([
                scenarioLink(entry),
                MarkdownText.text(scenario.rule ?? scenario.title),
                scenario.source.map(SourceText.markdown) ?? "—",
            ]))
        }
        return lines.joined(separator: "\n")
    }

    private static func discrepancies(_ entries: [CatalogueEntry]) -> String {
        let tagged = entries.filter { $0.scenario.tags.contains(discrepancyTag) }
        var lines = ["## \(MarkdownText.anchor("discrepancies"))Discrepancies in Gestimum's documentation", ""]
        lines.append(
            "Places where the Gestimum help contradicts itself, and the rule the emulator follows "
                + "(scenarios tagged \(MarkdownText.code(discrepancyTag))).")
        lines.append("")
        guard !tagged.isEmpty else { return (lines + ["None."]).joined(separator: "\n") }
        lines.append(MarkdownText.row(["Scenario", "Discrepancy", "Rule", "Source"]))
        lines.append("|---|---|---|---|")
        for entry in tagged {
            let scenario = entry.scenario
            lines.append(MarkdownText.row([
                scenarioLink(entry),
                MarkdownText.text(scenario.title),
                scenario.rule.map(MarkdownText.text) ?? "—",
                scenario.source.map(SourceText.markdown) ?? "—",
            ]))
        }
        return lines.joined(separator: "\n")
    }

    /// One row per decision cited by a scenario's `source`, each with its
    /// anchor (`decision-d13`), the link into `decisions.md` and the scenarios
    /// that pin it: the back-links `decisions.md` points at.
    private static func decisions(_ entries: [CatalogueEntry]) -> String {
        var lines = ["## \(MarkdownText.anchor("decisions"))Decisions and their scenarios", ""]
        lines.append(
            "The numbered choices of [decisions.md](decisions.md) that scenarios pin down "
                + "(a scenario cites `D13` in its source).")
        lines.append("")
        let numbers = Set(entries.flatMap(\.decisions)).sorted()
        guard !numbers.isEmpty else { return (lines + ["None."]).joined(separator: "\n") }
        lines.append(MarkdownText.row(["Decision", "Scenarios"]))
        lines.append("|---|---|")
        for n in numbers {
            let pinning = entries.filter { $0.decisions.contains(n) }.map(scenarioLink)
            let decision = MarkdownText.anchor(decisionAnchor(n)) + "[D\(n)](decisions.md#\(SourceText.decisionAnchor(n)))"
            lines.append(MarkdownText.row([decision, pinning.joined(separator: ", ")]))
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - Helpers

    /// The catalogue's anchor for decision `n`, the target of `decisions.md`'s back-links.
    static func decisionAnchor(_ n: Int) -> String { "decision-d\(n)" }

    private static func scenarioLink(_ entry: CatalogueEntry) -> String {
        MarkdownText.link(MarkdownText.code(entry.scenario.id), to: entry.anchor)
    }

    static func groupAnchor(_ group: String) -> String { "group-" + CatalogueEntry.slug(group) }

    private static func provenanceCounts(_ entries: [CatalogueEntry]) -> String {
        Provenance.allCases.map { p in "\(entries.filter { $0.scenario.provenance == p }.count) \(p.rawValue)" }
            .joined(separator: ", ")
    }
}
