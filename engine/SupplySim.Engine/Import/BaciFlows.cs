using System.Globalization;
using System.Text;

namespace SupplySim.Import;

/// <summary>One bilateral flow of BACI's layout: year, exporter and importer (ISO alpha-2, after the code table), HS6 product, tonnes.</summary>
/// <param name="Exporter">Exporting country, ISO 3166 alpha-2.</param>
/// <param name="Importer">Importing country, ISO 3166 alpha-2.</param>
/// <param name="Product">HS6 code as written, leading zeros kept.</param>
/// <param name="Tonnes">Quantity, tonnes.</param>
internal sealed record BaciFlow(string Exporter, string Importer, string Product, double Tonnes);

/// <summary>
/// Reads CEPII BACI files: the flows (<c>t,i,j,k,v,q</c>: year, exporter and importer numeric codes, HS6 product as a
/// string with its leading zeros, value in k$, quantity in tonnes) and the country code table
/// (<c>country_code,country_name,country_iso2,country_iso3</c>). Rows the model cannot use are counted, not fatal:
/// no quantity, an unknown country code, another year or product, a flow below the minimum.
/// </summary>
internal static class BaciFlows
{
    /// <summary>The columns the importer reads: year, exporter, importer, product, quantity (value <c>v</c> is not used).</summary>
    private static readonly string[] FlowColumns = ["t", "i", "j", "k", "q"];

    /// <summary>What reading skipped, by reason, for the importer's warnings.</summary>
    public sealed class Skipped
    {
        /// <summary>Rows of the chosen year and products without a positive quantity (<c>q</c> empty, NA or 0).</summary>
        public int NoQuantity { get; internal set; }

        /// <summary>Rows whose exporter or importer code the country table does not map to an ISO alpha-2 code.</summary>
        public SortedSet<string> UnknownCodes { get; } = new(StringComparer.Ordinal);

        /// <summary>Rows with an unknown code.</summary>
        public int UnknownCodeRows { get; internal set; }

        /// <summary>Rows of other years or products.</summary>
        public int Filtered { get; internal set; }

        /// <summary>Rows below the minimum flow.</summary>
        public int BelowMinimum { get; internal set; }
    }

    /// <summary>BACI's numeric country codes to ISO alpha-2, from its country table; problems are thrown as <see cref="InvalidDataException"/>.</summary>
    public static Dictionary<string, string> ReadCountryCodes(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        var header = Cells(lines.FirstOrDefault() ?? "");
        int code = header.IndexOf("country_code"), iso2 = header.IndexOf("country_iso2");
        if (code < 0 || iso2 < 0)
        {
            throw new InvalidDataException($"{path}:1: expected a header with country_code and country_iso2 (BACI's country_codes file), found '{lines.FirstOrDefault()}'");
        }

        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int n = 1; n < lines.Length; n++)
        {
            var cells = Cells(lines[n]);
            // Only officially assigned codes: a scenario's countries are ISO 3166 alpha-2, and a row whose country the
            // table gives no such code (an aggregate such as "other Asia") is skipped and counted like an unknown code.
            if (cells.Count > Math.Max(code, iso2) && cells[iso2].ToUpperInvariant() is var iso && Model.Countries.IsValid(iso))
            {
                codes[cells[code].TrimStart('0')] = iso;
            }
        }

        return codes;
    }

    /// <summary>
    /// A sector per importing country, from a CSV with columns <c>country</c> (ISO alpha-2) and <c>sector</c> (an id:
    /// a-z, 0-9, '-', '_'); problems are thrown as <see cref="InvalidDataException"/> with the line.
    /// </summary>
    public static Dictionary<string, string> ReadSectors(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        var header = Cells(lines.FirstOrDefault() ?? "");
        int country = header.IndexOf("country"), sector = header.IndexOf("sector");
        if (country < 0 || sector < 0)
        {
            throw new InvalidDataException($"{path}:1: expected a header with country and sector, found '{lines.FirstOrDefault()}'");
        }

        var sectors = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int n = 1; n < lines.Length; n++)
        {
            var cells = Cells(lines[n]);
            if (cells.Count <= Math.Max(country, sector) || cells[country].Length != 2 || cells[sector].Length == 0
                || !cells[sector].All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_'))
            {
                throw new InvalidDataException($"{path}:{n + 1}: expected an ISO alpha-2 country and a sector id (a-z, 0-9, '-', '_'), found '{lines[n]}'");
            }

            sectors[cells[country].ToUpperInvariant()] = cells[sector];
        }

        return sectors;
    }

    /// <summary>Most tonnes a row may carry: far above any bilateral flow of one product in a year (world crude oil is ~4e9 t).</summary>
    public const double MaxTonnes = 1e12;

    /// <summary>The flows of <paramref name="year"/> (null: the latest year in the file) and <paramref name="products"/> (null: all).</summary>
    /// <remarks>
    /// Streams the file: a BACI year is ~11 million rows (~400 MB), and keeping every row's cells took ~12 times the
    /// file in memory. Each row is judged as it is read (another product, no quantity, an unknown code, below the
    /// minimum, or a flow) and only flows and counts are kept, per year, since without <paramref name="year"/> the
    /// year chosen is known only at the end.
    /// </remarks>
    public static (List<BaciFlow> Flows, int Year, Skipped Skipped) Read(string path, IReadOnlyDictionary<string, string> countries, int? year,
        IReadOnlySet<string>? products, double minimumTonnes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(countries);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        string headerLine = reader.ReadLine() ?? "";
        var header = Cells(headerLine);
        int[] at = [.. FlowColumns.Select(name => header.IndexOf(name))];
        if (at.Any(i => i < 0))
        {
            throw new InvalidDataException($"{path}:1: expected BACI's header t,i,j,k,v,q, found '{headerLine}'");
        }

        var years = new Dictionary<int, YearRows>();
        // Codes and products repeat on every row: one string each, not one per row.
        var names = new HashSet<string>(StringComparer.Ordinal);
        var cells = new Range[header.Count + 1];
        int n = 1;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            n++;
            var text = line.AsSpan();
            if (text.Trim().IsEmpty)
            {
                continue;
            }

            int count = text.Split(cells, ',');
            if (count < header.Count || !int.TryParse(Cell(text, cells[at[0]]), NumberStyles.None, CultureInfo.InvariantCulture, out int t))
            {
                throw new InvalidDataException($"{path}:{n}: expected {header.Count} cells with a year first, found '{line}'");
            }

            if (year is { } wanted && t != wanted)
            {
                Rows(years, t).Skipped.Filtered++;
                continue;
            }

            var rows = Rows(years, t);
            var productCode = Cell(text, cells[at[3]]);
            if (productCode.Length != 6 || productCode.ContainsAnyExceptInRange('0', '9'))
            {
                throw new InvalidDataException($"{path}:{n}: product k is '{productCode}'; expected an HS6 code of six digits (leading zeros kept, e.g. 081110)");
            }

            string product = Name(names, productCode);
            if (products is not null && !products.Contains(product))
            {
                rows.Skipped.Filtered++;
                continue;
            }

            var q = Cell(text, cells[at[4]]);
            // Unknown (empty or NA) is BACI's way to say so and is skipped with a count; a value that is no quantity at
            // all (text, negative, infinite, more than the world trades) is damaged data, refused at its line.
            if (q.Length == 0 || q.Equals("NA", StringComparison.OrdinalIgnoreCase))
            {
                rows.Skipped.NoQuantity++;
                continue;
            }

            if (!double.TryParse(q, NumberStyles.Float, CultureInfo.InvariantCulture, out double tonnes) || !(tonnes is >= 0 and <= MaxTonnes))
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"{path}:{n}: quantity q is '{q}'; expected tonnes from 0 to {MaxTonnes:0e0}, or empty or NA when unknown"));
            }

            // A flow of no tonnes carries nothing: a lane for it would have a share of 0, which a scenario refuses.
            if (tonnes == 0)
            {
                rows.Skipped.NoQuantity++;
                continue;
            }

            string exporterCode = Name(names, Cell(text, cells[at[1]]).TrimStart('0')), importerCode = Name(names, Cell(text, cells[at[2]]).TrimStart('0'));
            if (!countries.TryGetValue(exporterCode, out string? exporter) | !countries.TryGetValue(importerCode, out string? importer))
            {
                rows.Skipped.UnknownCodeRows++;
                foreach (string code in new[] { exporterCode, importerCode }.Where(c => !countries.ContainsKey(c)))
                {
                    rows.Skipped.UnknownCodes.Add(code);
                }

                continue;
            }

            if (tonnes < minimumTonnes || exporter == importer)
            {
                rows.Skipped.BelowMinimum++;
                continue;
            }

            rows.Flows.Add(new BaciFlow(exporter!, importer!, product, tonnes));
        }

        int chosen = year ?? (years.Count == 0 ? 0 : years.Keys.Max());
        var result = years.TryGetValue(chosen, out var kept) ? kept : new YearRows();
        result.Skipped.Filtered += years.Where(y => y.Key != chosen).Sum(y => y.Value.Total);
        return (result.Flows, chosen, result.Skipped);
    }

    /// <summary>One year's flows and skipped rows.</summary>
    private sealed class YearRows
    {
        public List<BaciFlow> Flows { get; } = [];

        public Skipped Skipped { get; } = new();

        /// <summary>Every row of the year read, flows and skipped.</summary>
        public int Total => Flows.Count + Skipped.Filtered + Skipped.NoQuantity + Skipped.UnknownCodeRows + Skipped.BelowMinimum;
    }

    private static YearRows Rows(Dictionary<int, YearRows> years, int year)
    {
        if (!years.TryGetValue(year, out var rows))
        {
            years[year] = rows = new YearRows();
        }

        return rows;
    }

    /// <summary>A cell's text, trimmed of spaces and quotes as <see cref="Cells"/> trims it.</summary>
    private static ReadOnlySpan<char> Cell(ReadOnlySpan<char> line, Range cell) => line[cell].Trim().Trim('"').Trim();

    private static string Name(HashSet<string> names, ReadOnlySpan<char> text)
    {
        var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out string? name))
        {
            return name;
        }

        name = text.ToString();
        names.Add(name);
        return name;
    }

    /// <summary>A CSV line's cells, quotes removed (BACI writes the product code quoted to keep its leading zeros).</summary>
    private static List<string> Cells(string line) => [.. line.Split(',').Select(c => c.Trim().Trim('"').Trim())];
}
