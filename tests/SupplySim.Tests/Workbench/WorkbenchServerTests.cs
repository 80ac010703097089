using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NUnit.Framework;
using SupplySim.Cli.Workbench;
using SupplySim.Tests.Support;
using static SupplySim.Tests.Support.CliRunner;

namespace SupplySim.Tests.Workbench;

/// <summary><c>supplysim serve</c> in process on a free loopback port: what-ifs, saving, and requests it must refuse.</summary>
[TestFixture]
[NonParallelizable]
internal sealed class WorkbenchServerTests
{
    private const string File = "critical-minerals.yaml", Scenario = "ree-licensing-apr-2025";
    private string _folder = "";
    private WorkbenchServer _server = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _folder = Directory.CreateTempSubdirectory("supplysim-workbench-").FullName;
        System.IO.File.Copy(Path.Combine(TestModels.RepoRoot(), "scenarios", File), Path.Combine(_folder, File));
        _server = await WorkbenchServer.StartAsync(new WorkbenchOptions([Path.Combine(_folder, File)], IPAddress.Loopback, 0));
        _http = new HttpClient { BaseAddress = new Uri(_server.Url) };
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The ban's start date of the REE licence in <see cref="Scenario"/>, as the model lists it.</summary>
    private async Task<JsonElement> StartField()
    {
        using var model = JsonDocument.Parse(await _http.GetStringAsync($"/api/model?file={File}"));
        return model.RootElement.GetProperty("fields").EnumerateArray()
            .First(f => f.GetProperty("group").GetString() == Scenario && f.GetProperty("label").GetString() == "ree-licence-no18: start").Clone();
    }

    private static object Request(JsonElement field, string value, int trials = 300) => new
    {
        file = File, scenario = Scenario, trials,
        edits = new[] { new { line = field.GetProperty("line").GetInt32(), column = field.GetProperty("column").GetInt32(), original = field.GetProperty("text").GetString(), value } },
    };

    private async Task<List<JsonElement>> Run(object request)
    {
        using var response = await _http.PostAsJsonAsync("/api/run", request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        string body = await response.Content.ReadAsStringAsync();
        return [.. body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    private static double MeanAfter(JsonElement answer, string sector, string material) => answer.GetProperty("rows").EnumerateArray()
        .First(r => r.GetProperty("sector").GetString() == sector && r.GetProperty("material").GetString() == material).GetProperty("meanAfter").GetDouble();

    private static double MeanBefore(JsonElement answer, string sector, string material) => answer.GetProperty("rows").EnumerateArray()
        .First(r => r.GetProperty("sector").GetString() == sector && r.GetProperty("material").GetString() == material).GetProperty("meanBefore").GetDouble();

    [Test]
    public async Task Page_IsServedByTheAppItself()
    {
        string page = await _http.GetStringAsync("/");
        string script = await _http.GetStringAsync("/app.js");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page, Does.Contain("<script src=\"/app.js\"></script>"));
            Assert.That(page + script, Does.Not.Contain("http://").And.Not.Contain("https://"), "no CDN: it works offline");
            Assert.That(script, Does.Contain("/api/run"));
        }
    }

    [Test]
    public async Task Run_LicensingStartsSixMonthsLater_EvMagnetShortageFallsFirstAnswerThenFinal()
    {
        var answers = await Run(Request(await StartField(), "2025-10-04"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(answers.Select(a => a.GetProperty("trials").GetInt32()), Is.EqualTo(new[] { 200, 300 }), "first from 200 trials, then the requested 300");
            Assert.That(answers[^1].GetProperty("final").GetBoolean(), Is.True);
            Assert.That(MeanAfter(answers[^1], "ev", "ndfeb"), Is.LessThan(0.5 * MeanBefore(answers[^1], "ev", "ndfeb")));
            Assert.That(answers[^1].GetProperty("charts").GetString(), Does.Contain("<svg"));
        }
    }

    [Test]
    public async Task Yaml_SavedWhatIf_RunsThroughTheCliToTheSameNumbers()
    {
        var field = await StartField();
        var request = Request(field, "2025-10-04", trials: 200);
        var answers = await Run(request);
        using var saved = await _http.PostAsJsonAsync("/api/yaml", request);
        string yaml = await saved.Content.ReadAsStringAsync();
        string path = Path.Combine(_folder, "saved.yaml");
        System.IO.File.WriteAllText(path, yaml);
        var (code, _, stderr) = Execute("run", path, "--trials", "200", "--scenario", Scenario, "--out", Path.Combine(_folder, "saved-run"));
        Assert.That(code, Is.Zero, stderr);
        double cli = System.IO.File.ReadAllLines(Path.Combine(_folder, "saved-run", "trials.csv")).Skip(1).Select(l => l.Split(','))
            .Where(c => c[0] == Scenario && c[2] == "sector" && c[3] == "ev" && c[4] == "ndfeb")
            .Average(c => double.Parse(c[8], CultureInfo.InvariantCulture));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(yaml, Does.StartWith("# Saved from the SupplySim workbench: critical-minerals.yaml with 1 change(s)"));
            Assert.That(yaml, Does.Contain("start: 2025-10-04"));
            Assert.That(cli, Is.EqualTo(MeanAfter(answers[^1], "ev", "ndfeb")).Within(1e-12), "the same seed and trials give the same answer");
        }
    }

    [Test]
    public async Task Report_OfTheEditedFile_IsTheClisHtmlReport()
    {
        using var response = await _http.PostAsJsonAsync("/api/report", Request(await StartField(), "2025-10-04", trials: 40));
        string html = await response.Content.ReadAsStringAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
            Assert.That(response.Content.Headers.ContentDisposition?.FileName, Does.Contain("whatif-report.html"));
            Assert.That(html, Does.Contain("<h1>SupplySim report").And.Contain("class=\"chart fan\"").And.Contain(Scenario));
        }
    }

    [Test]
    public void Serve_BadHostOrMissingFolder_ExitsTwoWithAMessage()
    {
        var (badHost, _, hostError) = Execute("serve", "--host", "everywhere");
        var (missing, _, missingError) = Execute("serve", Path.Combine(_folder, "no-such-folder"), "--port", "0");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(badHost, Is.EqualTo(2));
            Assert.That(hostError, Does.Contain("--host must be an IP address"));
            Assert.That(missing, Is.EqualTo(2));
            Assert.That(missingError, Does.Contain("is not a scenario file or a folder holding *.yaml files"));
        }
    }

    [Test]
    public async Task Run_EditThatBreaksTheFile_AnswersTheCompilersErrorAtItsPlace()
    {
        var field = await StartField();
        var answers = await Run(Request(field, "2025-13-40"));
        var error = answers.Single().GetProperty("errors")[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.GetProperty("code").GetString(), Is.EqualTo("SS0008"));
            Assert.That(error.GetProperty("line").GetInt32(), Is.EqualTo(field.GetProperty("line").GetInt32()));
        }
    }

    /// <summary>
    /// What one request may allocate is capped, not only its trials: on a large network a trial keeps megabytes. The
    /// refusal says how many trials fit, and that many run.
    /// </summary>
    [Test]
    public async Task Run_MoreMemoryThanARequestMayUse_RefusedWithTheTrialsThatFit()
    {
        // A cap that holds the kernels (one per core: this machine's count) and half of 5,000 trials' results.
        var model = TestModels.CompileFile(Path.Combine(_folder, File));
        var scenario = model.Find(Scenario)!;
        var cost = SupplySim.Simulation.RunMemory.For(model, [scenario, scenario], WhatIf.Options(0, 5000, 0), stream: false);
        long cap = cost.KernelBytes + (cost.ResultBytes / 2);
        await using var capped = await WorkbenchServer.StartAsync(new WorkbenchOptions([Path.Combine(_folder, File)], IPAddress.Loopback, 0) { MaxRunBytes = cap });
        using var http = new HttpClient { BaseAddress = new Uri(capped.Url) };
        var field = await StartField();

        using var refused = await http.PostAsJsonAsync("/api/run", Request(field, "2025-10-04", trials: 5000));
        string message = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()!;
        var fits = System.Text.RegularExpressions.Regex.Match(message, "ask for at most ([0-9]+) trials");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), message);
        Assert.That(message, Does.Contain($"more than the {cap >> 20} MiB one request may use"));
        Assert.That(fits.Success, Is.True, message);
        int trials = int.Parse(fits.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.That(trials, Is.InRange(2400, 2500), "half the trials' results fit");

        using var accepted = await http.PostAsJsonAsync("/api/run", Request(field, "2025-10-04", trials));
        string body = await accepted.Content.ReadAsStringAsync();
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(JsonDocument.Parse(body.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]).RootElement.GetProperty("trials").GetInt32(), Is.EqualTo(trials));
    }

    private static IEnumerable<TestCaseData> BadRequests()
    {
        yield return new TestCaseData("garbage", "not JSON at all {{{", HttpStatusCode.BadRequest, "not JSON").SetName("Post_Garbage_400");
        yield return new TestCaseData("truncated", "{\"file\": \"critical-minerals.yaml\", \"edits\": [{\"line\": 8", HttpStatusCode.BadRequest, "not JSON").SetName("Post_Truncated_400");
        yield return new TestCaseData("array", "[1, 2, 3]", HttpStatusCode.BadRequest, "JSON object").SetName("Post_NotAnObject_400");
        yield return new TestCaseData("file", "{\"file\": \"../../etc/passwd\"}", HttpStatusCode.NotFound, "no scenario file").SetName("Post_PathOutsideTheServedFiles_404");
        yield return new TestCaseData("trials", "{\"file\": \"critical-minerals.yaml\", \"scenario\": \"combined\", \"trials\": 10000000}", HttpStatusCode.BadRequest, "trials must be").SetName("Post_TooManyTrials_400");
        yield return new TestCaseData("edit", "{\"file\": \"critical-minerals.yaml\", \"scenario\": \"combined\", \"edits\": [{\"line\": 3, \"column\": 1, \"original\": \"nope\", \"value\": \"x\"}]}",
            HttpStatusCode.BadRequest, "3:1: the file has no 'nope' there").SetName("Post_EditOfATokenThatIsNotThere_400");
        yield return new TestCaseData("huge", "{\"file\": \"" + new string('x', 100_000) + "\"}", HttpStatusCode.RequestEntityTooLarge, "larger than").SetName("Post_HugeBody_413");
    }

    [TestCaseSource(nameof(BadRequests))]
    public async Task Post_BadRequest_RefusedWithAMessage_ServerKeepsServing(string kind, string body, HttpStatusCode status, string message)
    {
        using var response = await _http.PostAsync("/api/run", new StringContent(body, Encoding.UTF8, "application/json"));
        string text = await response.Content.ReadAsStringAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(status), $"{kind}: {text}");
            Assert.That(text, Does.Contain(message));
            Assert.That(await _http.GetStringAsync("/api/files"), Does.Contain(File), "still serving");
        }
    }
}
