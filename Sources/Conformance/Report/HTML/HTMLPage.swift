/// What the HTML report and the compliance matrix share: one
/// self-contained page (inline CSS and JavaScript, nothing fetched), rows
/// filtered by result, provenance, import, tag and free text, the filters
/// also read from and written to the URL fragment (`report.html#result=failed`,
/// `#import=Clients`).
///
/// A filtered row is `<tr class="row" data-results=" failed passed "
/// data-provenance=… data-import="Clients" data-tags=" a b "
/// data-text="lowercased text">`; a group is a `<section class="group">`
/// hidden when none of its rows shows.
enum HTMLPage {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// The import filter's value, and a row's `data-import`, for a scenario that calls no import.
    static let noImport = "none"

    /// A row's `data-import`: the domain, or ``noImport``.
    static func importValue(_ domain: String?) -> String { domain ?? noImport }

    /// The import filter's options: the domains in order, then ``noImport`` when a scenario calls none.
    static func importOptions(_ domains: [String?]) -> [String] {
        Set(domains.compactMap { $0 }).sorted() + (domains.contains { $0 == nil } ? [noImport] : [])
    }

    /// A `<select>` of the filter `name`, first option "any".
    static func select(_ name: String, label: String, options: [String]) -> String {
        var out = "<label>\(label) <select id=\"f-\(name)\" data-filter=\"\(name)\"><option value=\"\">any</option>"
        for option in options { out += "<option value=\"\(escape(option))\">\(escape(option))</option>" }
        return out + "</select></label>\n"
    }

    static func filters(results: [String], provenances: [String], imports: [String], tags: [String]) -> String {
        "<form id=\"filters\" onsubmit=\"return false\">\n"
            + select("result", label: "Result", options: results)
            + select("provenance", label: "Provenance", options: provenances)
            + (imports.isEmpty ? "" : select("import", label: "Import", options: imports))
            + (tags.isEmpty ? "" : select("tag", label: "Tag", options: tags))
            + "<label>Text <input id=\"f-text\" data-filter=\"text\" type=\"search\" placeholder=\"id, title, difference\"></label>\n"
            + "<span id=\"shown\"></span></form>\n"
    }

    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>\(css)</style>
        </head>
        <body>
        \(body)
        <script>\(script)</script>
        </body>
        </html>

        """
    }

    static let css = """
    body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
    h1{font-size:1.4em;margin:0 0 .3em}h2{font-size:1.1em;margin:1.2em 0 .3em}
    .summary{font-size:1.2em;font-weight:600}.conformance{font-family:ui-monospace,monospace}
    #filters{position:sticky;top:0;background:#fff;padding:.5em 0;border-bottom:1px solid #ddd;z-index:1}
    #filters label{margin-right:1em}#shown{color:#666}
    table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #eee;padding:.25em .5em;text-align:left;vertical-align:top}
    th{background:#f6f6f6}small{color:#666}
    .passed{color:#176f2c}.failed,.unexpected-pass{color:#b3261e;font-weight:600}.skipped,.missing{color:#8a6d00}
    .expected-failure{color:#6b4fa0}td.cell{white-space:nowrap}
    pre{background:#f7f7f7;padding:.5em;overflow:auto;font-size:12px;margin:.3em 0}
    .del{color:#176f2c}.ins{color:#b3261e}details summary{cursor:pointer;color:#0b57d0}
    [hidden],tr[hidden],section[hidden]{display:none!important}
    """

    static let script = """
    (function(){
    var controls=Array.prototype.slice.call(document.querySelectorAll('[data-filter]'));
    var rows=Array.prototype.slice.call(document.querySelectorAll('tr.row'));
    var groups=Array.prototype.slice.call(document.querySelectorAll('section.group'));
    function read(){var p=new URLSearchParams(location.hash.slice(1));
    controls.forEach(function(c){c.value=p.get(c.dataset.filter)||'';});}
    function write(){var p=new URLSearchParams();
    controls.forEach(function(c){if(c.value)p.set(c.dataset.filter,c.value);});
    var h=p.toString();history.replaceState(null,'',h?'#'+h:location.pathname+location.search);}
    function apply(){var f={};controls.forEach(function(c){f[c.dataset.filter]=c.value.toLowerCase();});
    var shown=0;
    rows.forEach(function(r){var d=r.dataset;
    var ok=(!f.result||d.results.indexOf(' '+f.result+' ')>=0)
    &&(!f.provenance||d.provenance===f.provenance)
    &&(!f.import||(d.import||'').toLowerCase()===f.import)
    &&(!f.tag||d.tags.indexOf(' '+f.tag+' ')>=0)
    &&(!f.text||d.text.indexOf(f.text)>=0);
    r.hidden=!ok;if(ok)shown++;});
    groups.forEach(function(g){var any=g.querySelector('tr.row:not([hidden])');g.hidden=!any;});
    var s=document.getElementById('shown');if(s)s.textContent=shown+' of '+rows.length+' scenarios shown';}
    controls.forEach(function(c){c.addEventListener('input',function(){write();apply();});
    c.addEventListener('change',function(){write();apply();});});
    window.addEventListener('hashchange',function(){read();apply();});
    read();apply();
    })();
    """
}
