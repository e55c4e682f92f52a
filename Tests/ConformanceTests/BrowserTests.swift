import Conformance
import Foundation
import GestimumEmulator
import Testing

/// The HTML report and the matrix, loaded in headless Chromium: the tests
/// read the DOM after the page's scripts ran. Without Chromium they fail
/// with a sentence saying to install it.
@Suite("HTML reports in a real browser", .serialized)
struct BrowserTests {
    static func write(_ html: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).html")
        try Data(html.utf8).write(to: url)
        return url
    }

    /// The `<tr class="row" …>` opening tags of a DOM.
    static func rowTags(_ dom: String) -> [Substring] {
        dom.components(separatedBy: "<tr class=\"row\"").dropFirst().map { $0.prefix(while: { $0 != ">" }) }
    }

    static func info() -> RunInfo {
        RunInfo(target: "emulator", versions: [("web_service", "2.0.0"), ("erp", "9.0.0.0"), ("suite", "0123456789abcdef")], date: "2026-11-29T00:00:00Z")
    }

    @Test func theRunReportShowsSummaryDiffAndFiltersFromTheFragment() async throws {
        let chromium = try Chromium.find()
        let results = try await ReportFixtures.failingSeed()
        let page = try Self.write(HTMLReport.page(results, run: Self.info()))
        defer { try? FileManager.default.removeItem(at: page) }

        let dom = try chromium.dumpDOM(page)
        #expect(dom.contains("<p class=\"summary\" id=\"summary\">1 passed, 1 failed</p>"))
        #expect(dom.contains("documented 0/1 · inferred 1/1 · observed 0/0"))
        #expect(dom.contains("<span id=\"shown\">2 of 2 scenarios shown</span>"), "the script ran")
        #expect(dom.contains("<span class=\"del\">    - Tache ImporterContacts terminee</span>"))
        #expect(dom.contains("<span class=\"ins\">    + Tâche ImporterContacts terminée</span>"))
        #expect(dom.contains("curl -sS -X POST"))
        #expect(Self.rowTags(dom).allSatisfy { !$0.contains("hidden") })

        let filtered = try chromium.dumpDOM(page, fragment: "result=failed")
        let rows = Self.rowTags(filtered)
        #expect(rows.count == 2)
        #expect(rows.filter { $0.contains("data-results=\" passed \"") }.allSatisfy { $0.contains("hidden") })
        #expect(rows.filter { $0.contains("data-results=\" failed \"") }.allSatisfy { !$0.contains("hidden") })
        #expect(filtered.contains("<span id=\"shown\">1 of 2 scenarios shown</span>"))

        let byText = try chromium.dumpDOM(page, fragment: "text=code-missing&provenance=inferred")
        #expect(byText.contains("<span id=\"shown\">1 of 2 scenarios shown</span>"))
    }

    @Test func theMatrixPageShowsEachRunAndFiltersFromTheFragment() async throws {
        let chromium = try Chromium.find()
        let failing = try await ReportFixtures.failingSeed()
        let suite = try TemporarySuite(copying: [ReportFixtures.seed, "fields/code-missing"])
        defer { suite.remove() }
        let passing = try await suite.run()
        let matrix = ComplianceMatrix([try RunFile.load(try RunFiles.write(passing, target: "emulator")),
                                       try RunFile.load(try RunFiles.write(failing, target: "http://127.0.0.1:9999")),
                                       try RunFile.load(try RunFiles.older())])
        let page = try Self.write(matrix.html())
        defer { try? FileManager.default.removeItem(at: page) }
        let dom = try chromium.dumpDOM(page)
        #expect(dom.contains("<div class=\"conformance\">documented 0/1 · inferred 1/1 · observed 0/0</div>"))
        #expect(dom.contains("<div class=\"target\">http://old.example:8080</div>"))
        #expect(dom.contains("<td class=\"cell missing\">missing</td>"))
        #expect(dom.contains("<span id=\"shown\">3 of 3 scenarios shown</span>"))
        let filtered = try chromium.dumpDOM(page, fragment: "result=failed")
        let rows = Self.rowTags(filtered)
        #expect(rows.count == 3)
        #expect(rows.filter { $0.contains(" failed ") }.allSatisfy { !$0.contains("hidden") })
        #expect(rows.filter { !$0.contains(" failed ") }.allSatisfy { $0.contains("hidden") })
        #expect(filtered.contains("<span id=\"shown\">2 of 3 scenarios shown</span>"))
    }

    /// The rows whose opening tag has `attribute`, and whether each is hidden.
    static func hidden(_ rows: [Substring], _ attribute: String) -> [Bool] {
        rows.filter { $0.contains(attribute) }.map { $0.contains("hidden") }
    }

    @Test func theRunReportShowsEachImportAndFiltersByIt() async throws {
        let chromium = try Chromium.find()
        let results = try await ReportFixtures.mixedImports()
        let page = try Self.write(HTMLReport.page(results, run: Self.info()))
        defer { try? FileManager.default.removeItem(at: page) }

        let dom = try chromium.dumpDOM(page)
        #expect(dom.contains("<th>Provenance</th><th>Import</th><th>Tags</th>"))
        #expect(dom.contains("<td class=\"import\">Clients</td>"))
        #expect(dom.contains("<td class=\"import\">Contacts</td>"))
        #expect(dom.contains("<td class=\"import\">—</td>"), "the Version scenario calls no import")
        #expect(dom.contains("<label>Import <select id=\"f-import\" data-filter=\"import\"><option value=\"\">any</option>"
                             + "<option value=\"Clients\">Clients</option><option value=\"Contacts\">Contacts</option>"
                             + "<option value=\"none\">none</option></select></label>"))
        #expect(dom.contains("<span id=\"shown\">4 of 4 scenarios shown</span>"))

        let clients = Self.rowTags(try chromium.dumpDOM(page, fragment: "import=Clients"))
        #expect(Self.hidden(clients, "data-import=\"Clients\"") == [false])
        #expect(Self.hidden(clients, "data-import=\"Contacts\"") == [true, true])
        #expect(Self.hidden(clients, "data-import=\"none\"") == [true])

        let none = try chromium.dumpDOM(page, fragment: "import=none")
        #expect(Self.hidden(Self.rowTags(none), "data-import=\"none\"") == [false])
        #expect(none.contains("<span id=\"shown\">1 of 4 scenarios shown</span>"))
        #expect(none.contains("<section class=\"group\" id=\"group-clients\" hidden=\"\">"), "a group with no row shown is hidden")

        let combined = try chromium.dumpDOM(page, fragment: "import=Contacts&result=failed")
        #expect(combined.contains("<span id=\"shown\">1 of 4 scenarios shown</span>"))
        let shown = Self.rowTags(combined).filter { !$0.contains("hidden") }
        #expect(shown.count == 1 && shown[0].contains("id=\"documented/seed-example\""))
    }

    @Test func theMatrixPageShowsEachImportAndFiltersByIt() async throws {
        let chromium = try Chromium.find()
        let suite = try TemporarySuite(copying: [ReportFixtures.seed, ReportFixtures.clients, ReportFixtures.version])
        defer { suite.remove() }
        let matrix = ComplianceMatrix([try RunFile.load(try RunFiles.write(try await suite.run(), target: "emulator")),
                                       try RunFile.load(try RunFiles.older())])
        let page = try Self.write(matrix.html())
        defer { try? FileManager.default.removeItem(at: page) }
        let dom = try chromium.dumpDOM(page)
        #expect(dom.contains("<thead><tr><th>Scenario</th><th>Import</th><th class=\"run\">"))
        #expect(dom.contains("<td class=\"import\">Clients</td>"))
        #expect(dom.contains("<span id=\"shown\">4 of 4 scenarios shown</span>"))
        let contacts = try chromium.dumpDOM(page, fragment: "import=Contacts")
        #expect(contacts.contains("<span id=\"shown\">1 of 4 scenarios shown</span>"))
        #expect(Self.hidden(Self.rowTags(contacts), "id=\"documented/seed-example\"") == [false])
        let none = try chromium.dumpDOM(page, fragment: "import=none&result=passed")
        #expect(none.contains("<span id=\"shown\">1 of 4 scenarios shown</span>"), "the Version scenario, not the older file's retired/gone")
        #expect(Self.hidden(Self.rowTags(none), "id=\"versions/web-service-version\"") == [false])
    }

    /// 10,000 scenarios, one in ten failing: the page stays a few MB and the browser renders and filters it.
    @Test func aReportOfTenThousandScenariosRendersAndFilters() async throws {
        let chromium = try Chromium.find()
        let base = try await ReportFixtures.failingSeed()
        var results: [ScenarioResult] = []
        for i in 0..<10_000 {
            var r = base[i % 10 == 0 ? 0 : 1]
            r.scenario.id = "group\(i % 20)/scenario-\(i)"
            results.append(r)
        }
        let html = HTMLReport.page(results, run: Self.info())
        let megabytes = Double(html.utf8.count) / 1_000_000
        print("HTML report of 10,000 scenarios: \(String(format: "%.1f", megabytes)) MB")
        #expect(megabytes < 30)
        let page = try Self.write(html)
        defer { try? FileManager.default.removeItem(at: page) }
        let dom = try chromium.dumpDOM(page, fragment: "result=failed")
        #expect(dom.contains("<span id=\"shown\">1000 of 10000 scenarios shown</span>"))
        #expect(dom.contains("id=\"group19/scenario-9999\""))
    }
}
