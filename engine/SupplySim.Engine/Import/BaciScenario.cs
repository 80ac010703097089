using System.Globalization;
using System.Text;

namespace SupplySim.Import;

/// <summary>
/// A scenario file built from bilateral trade flows: per product and country, a producer for the exports it did not
/// import, a transshipper for what it re-exported (both imported and exported: the smaller of the two), and a consumer
/// for the imports it kept; lanes follow the flows, split over these roles pro rata, with each buyer's shares from the
/// tonnes. Every number the data cannot give is a stated, wide prior written into the file with a comment. The file
/// is a starting point a researcher edits, not a calibrated model.
/// </summary>
internal static class BaciScenario
{
    private const string LeadTime = "{dist: uniform, min: 14d, max: 60d}";

    /// <summary>The scenario file's text for <paramref name="flows"/> of <paramref name="year"/>, read from <paramref name="source"/>.</summary>
    /// <param name="flows">The flows.</param>
    /// <param name="year">Their year.</param>
    /// <param name="source">The flows file, named in the header comment.</param>
    /// <param name="sectors">Per importing country (ISO alpha-2), its consumers' sector; others are sector <c>all</c>.</param>
    public static string Write(IReadOnlyList<BaciFlow> flows, int year, string source, IReadOnlyDictionary<string, string>? sectors = null)
    {
        ArgumentNullException.ThrowIfNull(flows);
        var products = flows.Select(f => f.Product).Distinct().Order(StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.Append(Invariant($"# Built by `supplysim import baci` from {Path.GetFileName(source)}: BACI year {year}, HS6 {string.Join(", ", products)}, {flows.Count} flows.\n"))
            .Append("# Roles per product and country: a producer for the exports it did not import, a transshipper for what it\n")
            .Append("# re-exported (the smaller of imports and exports), a consumer (sector `all` unless mapped) for the imports it kept.\n")
            .Append("# Numbers from the data: demand, export volumes, re-export volumes and each buyer's lane shares (tonnes).\n")
            .Append("# Everything else is an ASSUMPTION, wide, stated where it is used: edit it before you trust a result.\n")
            .Append(Invariant($"name: BACI {year} HS6 {string.Join(" ", products)}\nstart: {year + 1}-01-01\nhorizon: 365d\nseed: 1\n\nmaterials:\n"));
        foreach (string product in products)
        {
            text.Append(Invariant($"  - id: {Material(product)}\n    name: HS {product}\n"));
        }

        text.Append("\nnodes:\n");
        var lanes = new List<(string From, string To, string Product, double Tonnes)>();
        foreach (string product in products)
        {
            var of = flows.Where(f => f.Product == product).ToList();
            var exports = of.GroupBy(f => f.Exporter).ToDictionary(g => g.Key, g => g.Sum(f => f.Tonnes), StringComparer.Ordinal);
            var imports = of.GroupBy(f => f.Importer).ToDictionary(g => g.Key, g => g.Sum(f => f.Tonnes), StringComparer.Ordinal);
            foreach (string country in exports.Keys.Union(imports.Keys).Order(StringComparer.Ordinal))
            {
                double x = exports.GetValueOrDefault(country), m = imports.GetValueOrDefault(country), reexport = Math.Min(x, m);
                if (x - reexport > 0)
                {
                    Producer(text, country, product, x - reexport);
                }

                if (reexport > 0)
                {
                    Transshipper(text, country, product, reexport, m);
                }

                if (m - reexport > 0)
                {
                    Consumer(text, country, product, m - reexport, sectors?.GetValueOrDefault(country) ?? "all");
                }
            }

            // A flow leaves the exporter's producer and traders in proportion to what each ships, and reaches the
            // importer's traders and consumer in proportion to what each takes.
            foreach (var flow in of)
            {
                double x = exports[flow.Exporter], m = imports[flow.Importer];
                double exporterReexport = Math.Min(x, imports.GetValueOrDefault(flow.Exporter));
                double importerReexport = Math.Min(m, exports.GetValueOrDefault(flow.Importer));
                var from = new List<(string Node, double Part)>();
                if (x - exporterReexport > 0) { from.Add((Node(flow.Exporter, "producer", product), (x - exporterReexport) / x)); }
                if (exporterReexport > 0) { from.Add((Node(flow.Exporter, "traders", product), exporterReexport / x)); }
                var to = new List<(string Node, double Part)>();
                if (importerReexport > 0) { to.Add((Node(flow.Importer, "traders", product), importerReexport / m)); }
                if (m - importerReexport > 0) { to.Add((Node(flow.Importer, "buyers", product), (m - importerReexport) / m)); }
                foreach (var (source_, a) in from)
                {
                    foreach (var (buyer, b) in to)
                    {
                        lanes.Add((source_, buyer, product, flow.Tonnes * a * b));
                    }
                }
            }
        }

        text.Append("\n# Lead times: BACI has no distances or modes; ASSUMPTION uniform 14-60 d on every lane.\n")
            .Append("# Shares: the buyer's tonnes from each supplier over its total (data).\nlanes:\n");
        // Totals per buyer once: a world-trade product has thousands of lanes, and a sum per lane was quadratic.
        var bought = lanes.GroupBy(l => l.To).ToDictionary(g => g.Key, g => g.Sum(l => l.Tonnes), StringComparer.Ordinal);
        foreach (var group in lanes.GroupBy(l => (l.From, l.To)).OrderBy(g => g.Key.To, StringComparer.Ordinal).ThenBy(g => g.Key.From, StringComparer.Ordinal))
        {
            double total = bought[group.Key.To];
            double tonnes = group.Sum(l => l.Tonnes);
            text.Append(Invariant($"  - from: {group.Key.From}\n    to: {group.Key.To}\n    lead_time: {LeadTime}\n    share: {Round(tonnes / total)}   # {Round(tonnes)} t\n"));
        }

        return text.ToString();
    }

    private static void Producer(StringBuilder text, string country, string product, double tonnes) => text.Append(Invariant($"""
          # {country} exported {Round(tonnes)} t of HS {product} beyond what it imported. Capacity: those exports x 1.0-1.5
          # (ASSUMPTION: headroom not in trade data; domestic use of its own output is not in BACI either).
          - id: {Node(country, "producer", product)}
            kind: producer
            country: {country}
            material: {Material(product)}
            capacity: {"{"}dist: uniform, min: {Round(tonnes)}, max: {Round(tonnes * 1.5)}, unit: t/yr{"}"}

        """));

    private static void Transshipper(StringBuilder text, string country, string product, double reexport, double imports) => text.Append(Invariant($"""
          # {country} both imported ({Round(imports)} t) and exported HS {product}: {Round(reexport)} t counted as re-exports, forwarded
          # with the origin remembered. Capacity x 1.0-1.5, extra delay 7-45 d, leak 0.5-1: ASSUMPTIONS (not in trade data).
          - id: {Node(country, "traders", product)}
            kind: transshipper
            country: {country}
            materials: [{Material(product)}]
            capacity: {"{"}dist: uniform, min: {Round(reexport)}, max: {Round(reexport * 1.5)}, unit: t/yr{"}"}
            delay: {"{"}dist: uniform, min: 7d, max: 45d{"}"}
            leak_fraction: {"{"}dist: uniform, min: 0.5, max: 1.0{"}"}

        """));

    private static void Consumer(StringBuilder text, string country, string product, double tonnes, string sector) => text.Append(Invariant($"""
          # {country} kept {Round(tonnes)} t of its HS {product} imports: its demand (data). Demand noise 0.25, cover 30 d: ASSUMPTIONS.
          - id: {Node(country, "buyers", product)}
            kind: consumer
            country: {country}
            sector: {sector}
            demand: {"{"}{Material(product)}: {Round(tonnes)} t/yr{"}"}
            demand_cv: 0.25
            policy: order_up_to
            days_of_cover: 30d
            initial_inventory: 30d

        """));

    public static string Node(string country, string role, string product) => $"{country.ToLowerInvariant()}-{role}-{product}";

    public static string Material(string product) => $"hs{product}";

    /// <summary>
    /// Three decimals, or as many as keep three significant digits: BACI records flows down to a kilogram beside
    /// flows of thousands of tonnes, and a small lane's share or a small buyer's demand must not be written as 0
    /// (which the file would refuse).
    /// </summary>
    private static string Round(double value)
    {
        int decimals = value == 0 || !double.IsFinite(value) ? 3 : Math.Clamp(2 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 3, 15);
        return Math.Round(value, decimals).ToString("0.###############", CultureInfo.InvariantCulture);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
