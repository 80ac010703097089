using System.Globalization;
using SupplySim.Import;
using SupplySim.Model;
using SupplySim.Reporting;
using SupplySim.Scenario;

namespace SupplySim.Cli;

/// <summary>
/// <c>supplysim import baci FILE.csv --country-codes FILE --out scenario.yaml [--products HS6,...] [--year Y]
/// [--min-flow Q] [--sectors FILE]</c>: builds a scenario file from CEPII BACI's bilateral trade flows (docs/import.md). The file is
/// checked with the same compiler as any other before it is written; skipped rows are reported as warnings.
/// </summary>
internal static class ImportCommand
{
    public static int Execute(VerbArguments cli, TextWriter stdout, TextWriter stderr)
    {
        int? year = cli.Int("--year", 1900, 2200);
        double minimum = 0;
        if (cli.Single("--min-flow") is { } minText && (!double.TryParse(minText, NumberStyles.Float, CultureInfo.InvariantCulture, out minimum) || minimum < 0 || !double.IsFinite(minimum)))
        {
            cli.Errors.Add($"--min-flow must be tonnes, zero or more, was '{minText}'");
        }

        HashSet<string>? products = cli.Single("--products") is { } list ? [.. list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)] : null;
        if (products?.FirstOrDefault(p => p.Length != 6 || !p.All(char.IsAsciiDigit)) is { } bad)
        {
            cli.Errors.Add($"--products takes HS6 codes of six digits (leading zeros kept, e.g. 081110), was '{bad}'");
        }

        if (cli.Positional.Count != 2 || cli.Positional[0] != "baci")
        {
            cli.Errors.Add("import takes the source and its file: import baci FILE.csv");
        }

        string? codes = cli.Single("--country-codes"), output = cli.Single("--out");
        if (codes is null)
        {
            cli.Errors.Add("import baci needs --country-codes FILE (BACI's country_codes_V*.csv: numeric code to ISO alpha-2)");
        }

        if (output is null)
        {
            cli.Errors.Add("import baci needs --out scenario.yaml");
        }

        if (cli.Errors.Count > 0)
        {
            return cli.Usage(stderr);
        }

        string source = cli.Positional[1];
        foreach (string path in new[] { source, codes! }.Where(p => !File.Exists(p)))
        {
            stderr.WriteLine(Directory.Exists(path) ? $"error: '{path}' is a folder; expected a CSV file" : $"error: no such file '{path}'");
            return ExitCodes.UsageOrIo;
        }

        // Writing the scenario over one of the inputs would destroy the data it was built from.
        string[] inputs = [source, codes!, .. cli.All("--sectors")];
        if (inputs.FirstOrDefault(input => Path.GetFullPath(input) == Path.GetFullPath(output!)) is { } overwritten)
        {
            stderr.WriteLine($"error: --out '{output}' is the input '{overwritten}'; name a new .yaml file for the scenario");
            return ExitCodes.UsageOrIo;
        }

        List<BaciFlow> flows;
        int chosenYear;
        BaciFlows.Skipped skipped;
        Dictionary<string, string>? sectors = null;
        try
        {
            (flows, chosenYear, skipped) = BaciFlows.Read(source, BaciFlows.ReadCountryCodes(codes!), year, products, minimum);
            if (cli.Single("--sectors") is { } sectorFile)
            {
                sectors = File.Exists(sectorFile) ? BaciFlows.ReadSectors(sectorFile)
                    : throw new InvalidDataException(Directory.Exists(sectorFile) ? $"--sectors '{sectorFile}' is a folder; expected a CSV file" : $"no such file '{sectorFile}'");
            }
        }
        catch (InvalidDataException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitCodes.UsageOrIo;
        }

        if (skipped.NoQuantity > 0)
        {
            stderr.WriteLine($"warning: {skipped.NoQuantity} flow(s) without a positive quantity (q empty, NA or 0) were skipped");
        }

        if (skipped.UnknownCodeRows > 0)
        {
            stderr.WriteLine($"warning: {skipped.UnknownCodeRows} flow(s) with a country code the table does not map to ISO alpha-2 were skipped: {string.Join(", ", skipped.UnknownCodes)}");
        }

        if (flows.Count == 0 && year is null && skipped.Filtered + skipped.NoQuantity + skipped.UnknownCodeRows + skipped.BelowMinimum == 0)
        {
            stderr.WriteLine($"error: {source} has no rows of flows after its header");
            return ExitCodes.UsageOrIo;
        }

        if (flows.Count == 0)
        {
            stderr.WriteLine($"error: no flow of year {chosenYear}{(products is null ? "" : $" and products {string.Join(", ", products)}")} is left to build a network from");
            return ExitCodes.UsageOrIo;
        }

        string yaml = BaciScenario.Write(flows, chosenYear, source, sectors);
        var diagnostics = new DiagnosticBag();
        var document = ScenarioLoader.Load(yaml, output!, diagnostics);
        var model = document is null ? null : NetworkCompiler.Compile(document, diagnostics);
        if (model is null)
        {
            stderr.WriteLine($"error: the built file does not compile (a bug in the importer): {diagnostics.Items.First(d => d.Severity == Severity.Error)}");
            return ExitCodes.InvalidScenario;
        }

        AtomicFile.Write(output!, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            writer.Write(yaml);
        });
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {output}: {flows.Count} flows of {chosenYear} ({skipped.Filtered} rows of other years or products, {skipped.BelowMinimum} below --min-flow or within one country); " +
            $"{model.Network.NodeCount} nodes, {model.Network.LaneCount} lanes, {model.Network.MaterialCount} product(s); it validates"));
        return ExitCodes.Ok;
    }
}
