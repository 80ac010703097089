using System.Globalization;
using System.Net;
using NUnit.Framework;
using PuppeteerSharp;
using SupplySim.Cli.Workbench;
using SupplySim.Tests.Support;
using static SupplySim.Tests.Support.CliRunner;

namespace SupplySim.Tests.Workbench;

/// <summary>
/// The workbench end to end in a real headless Chromium (Debian's, driven by PuppeteerSharp): load the page, move the
/// US ban's start date, wait for the answer, check the headline moved the right way, save the YAML and run it through
/// the CLI to the same numbers. Skipped, with a message, only when no Chromium is installed (.ci/run installs it).
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed class WorkbenchBrowserTests
{
    private const string File = "critical-minerals.yaml", Scenario = "us-ban-dec-2024";

    private static string? Chromium() =>
        new[] { Environment.GetEnvironmentVariable("SUPPLYSIM_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && System.IO.File.Exists(p));

    [Test]
    public async Task Browser_MoveTheBanStartLater_HeadlineFallsAndTheSavedYamlGivesTheSameNumbers()
    {
        if (Chromium() is not { } chromium)
        {
            Assert.Ignore("no Chromium installed (apt-get install chromium, or set SUPPLYSIM_CHROMIUM): the workbench browser test did not run");
            return;
        }

        string folder = Directory.CreateTempSubdirectory("supplysim-browser-").FullName;
        try
        {
            System.IO.File.Copy(Path.Combine(TestModels.RepoRoot(), "scenarios", File), Path.Combine(folder, File));
            await using var server = await WorkbenchServer.StartAsync(new WorkbenchOptions([Path.Combine(folder, File)], IPAddress.Loopback, 0));
            await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                Headless = true, ExecutablePath = chromium,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking"],
            });
            await using var page = await browser.NewPageAsync();
            var errors = new List<string>();
            page.Console += (_, e) => { if (e.Message.Type == ConsoleType.Error) { errors.Add(e.Message.Text); } };
            page.PageError += (_, e) => errors.Add(e.Message);
            await page.SetViewportAsync(new ViewPortOptions { Width = 1400, Height = 1000 });
            await page.GoToAsync($"{server.Url}/#file={File}&scenario={Scenario}&trials=1000");
            var wait = new WaitForFunctionOptions { Timeout = 120_000, PollingInterval = 100 };
            const string Row = "document.querySelector('#headline tr[data-sector=\"industrial\"][data-material=\"sb\"]')";
            await page.WaitForFunctionAsync($"() => document.getElementById('status').dataset.final === 'true' && {Row} !== null", wait);
            double before = double.Parse(await page.EvaluateExpressionAsync<string>($"{Row}.dataset.after"), CultureInfo.InvariantCulture);

            await page.EvaluateFunctionAsync("""
                value => {
                  const input = [...document.querySelectorAll('#edits input')].find(i => i.parentElement.textContent.startsWith('no46-us-ban: start'));
                  input.value = value;
                  input.dispatchEvent(new Event('input'));
                }
                """, "2025-06-03");
            await page.WaitForFunctionAsync($"() => document.getElementById('status').dataset.final === 'true' && Number({Row}.dataset.after) < {before.ToString("R", CultureInfo.InvariantCulture)}", wait);
            double after = double.Parse(await page.EvaluateExpressionAsync<string>($"{Row}.dataset.after"), CultureInfo.InvariantCulture);
            string status = await page.EvaluateExpressionAsync<string>("document.getElementById('status').textContent");
            string latency = await page.EvaluateExpressionAsync<string>("`first answer ${document.getElementById('status').dataset.firstMs} ms, final ${document.getElementById('status').dataset.finalMs} ms after the request`");
            string hash = await page.EvaluateExpressionAsync<string>("location.hash");
            int charts = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#charts svg').length");
            string yaml = await page.EvaluateExpressionAsync<string>(
                "fetch('/api/yaml', { method: 'POST', body: body(), headers: { 'Content-Type': 'application/json' } }).then(r => r.text())");
            await page.ScreenshotAsync(Path.Combine(TestContext.CurrentContext.WorkDirectory, "workbench.png"));
            TestContext.Out.WriteLine($"US industrial Sb mean shortage {before:P1} -> {after:P1}; {status}; {latency}");

            string saved = Path.Combine(folder, "saved.yaml");
            System.IO.File.WriteAllText(saved, yaml);
            var (code, _, stderr) = Execute("run", saved, "--trials", "1000", "--scenario", Scenario, "--out", Path.Combine(folder, "run"));
            Assert.That(code, Is.Zero, stderr);
            // Every sector and material of the page's table against the CLI's trials of the saved file.
            var rows = await page.EvaluateExpressionAsync<string[]>(
                "[...document.querySelectorAll('#headline tr[data-sector]')].map(r => `${r.dataset.sector}:${r.dataset.material}:${r.dataset.after}`)");
            var cli = System.IO.File.ReadAllLines(Path.Combine(folder, "run", "trials.csv")).Skip(1).Select(l => l.Split(','))
                .Where(c => c[0] == Scenario && c[2] == "sector")
                .GroupBy(c => $"{c[3]}:{c[4]}").ToDictionary(g => g.Key, g => g.Average(c => double.Parse(c[8], CultureInfo.InvariantCulture)));
            using (Assert.EnterMultipleScope())
            {
                Assert.That(after, Is.LessThan(before), "a later ban leaves US industrial antimony users less short");
                Assert.That(status, Does.StartWith("Final answer from 1000 trials"));
                Assert.That(Uri.UnescapeDataString(hash), Does.Contain("2025-06-03"), "the URL holds the edit");
                Assert.That(charts, Is.GreaterThan(0));
                Assert.That(rows, Is.Not.Empty);
                foreach (string row in rows)
                {
                    int cut = row.LastIndexOf(':');
                    Assert.That(cli[row[..cut]], Is.EqualTo(double.Parse(row[(cut + 1)..], CultureInfo.InvariantCulture)).Within(1e-12),
                        $"{row[..cut]}: the saved YAML, run by the CLI with the file's seed, gives the page's number");
                }
                Assert.That(errors, Is.Empty, "no console errors");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
