using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SupplySim.Model;
using SupplySim.Reporting;
using SupplySim.Reporting.Html;
using SupplySim.Simulation;

namespace SupplySim.Cli.Workbench;

/// <summary>What the workbench serves and how much one request may cost.</summary>
/// <param name="Files">The scenario files a planner may open (nothing else on disk is reachable).</param>
/// <param name="Host">The address to bind (loopback unless asked otherwise).</param>
/// <param name="Port">The port; 0 picks a free one.</param>
internal sealed record WorkbenchOptions(IReadOnlyList<string> Files, IPAddress Host, int Port)
{
    /// <summary>Most trials one what-if may ask for.</summary>
    public int MaxTrials { get; init; } = 5000;

    /// <summary>Trials of the first, quick answer.</summary>
    public int FirstTrials { get; init; } = 200;

    /// <summary>Largest request body, bytes.</summary>
    public long MaxBodyBytes { get; init; } = 64 * 1024;

    /// <summary>Most edits in one request.</summary>
    public int MaxEdits { get; init; } = 200;

    /// <summary>
    /// Most memory one request's simulations may allocate (kernels and kept results, counted before they run): on a
    /// network of thousands of lanes a trial keeps megabytes, and <see cref="MaxTrials"/> alone would let one request
    /// take tens of gigabytes.
    /// </summary>
    public long MaxRunBytes { get; init; } = 2L << 30;
}

/// <summary>
/// <c>supplysim serve</c>: a local web app (ASP.NET Core's Kestrel, no other server) where a planner edits a
/// scenario's events and main parameters and sees the answer against the unchanged scenario on the same trials, first
/// from a few hundred trials, then from the requested count. A newer request of the same browser cancels the older
/// one; every edit goes through the CLI's loader and compiler; requests are capped in size, trials and edits.
/// </summary>
internal sealed class WorkbenchServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly WorkbenchOptions _options;
    private readonly ConcurrentDictionary<string, (string Text, CompiledModel Model)> _originals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ClientSlot> _clients = new(StringComparer.Ordinal);
    private readonly UnchangedRuns _unchanged;
    private const int MaxUnchangedRuns = 8;
    private readonly Dictionary<string, string> _files;

    private WorkbenchServer(WebApplication app, WorkbenchOptions options)
    {
        _app = app;
        _options = options;
        _unchanged = new UnchangedRuns(MaxUnchangedRuns, options.MaxRunBytes);
        _files = options.Files.ToDictionary(f => Path.GetFileName(f), f => f, StringComparer.Ordinal);
    }

    /// <summary>The address the server listens on, e.g. <c>http://127.0.0.1:8080</c>.</summary>
    public string Url => _app.Urls.First();

    public static async Task<WorkbenchServer> StartAsync(WorkbenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            kestrel.Listen(options.Host, options.Port);
        });
        var app = builder.Build();
        var server = new WorkbenchServer(app, options);
        server.Map();
        await app.StartAsync().ConfigureAwait(false);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private void Map()
    {
        _app.MapGet("/", () => Results.Content(WorkbenchPage.Html, "text/html; charset=utf-8"));
        _app.MapGet("/app.js", () => Results.Content(WorkbenchPage.Script, "text/javascript; charset=utf-8"));
        _app.MapGet("/api/files", () => Results.Json(_files.Keys.Order(StringComparer.Ordinal).ToArray()));
        _app.MapGet("/api/model", (HttpContext context) => Guard(context, () => Model(context)));
        _app.MapPost("/api/run", (HttpContext context) => Guard(context, () => RunAsync(context)));
        _app.MapPost("/api/yaml", (HttpContext context) => Guard(context, () => YamlAsync(context)));
        _app.MapPost("/api/report", (HttpContext context) => Guard(context, () => ReportAsync(context)));
    }

    /// <summary>Any failure of a request becomes a JSON error with a status code; the server keeps serving.</summary>
    private static async Task Guard(HttpContext context, Func<Task> handle)
    {
        try
        {
            await handle().ConfigureAwait(false);
        }
        catch (RequestError error)
        {
            await Fail(context, error.Status, error.Message).ConfigureAwait(false);
        }
        catch (BadHttpRequestException bad)
        {
            await Fail(context, bad.StatusCode, bad.StatusCode == 413 ? $"the request is larger than {context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize} bytes" : bad.Message).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A newer request of the same client, or the browser, cancelled this one: nothing to answer.
        }
    }

    private static async Task Fail(HttpContext context, int status, string message)
    {
        if (!context.Response.HasStarted)
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new { error = message }).ConfigureAwait(false);
        }
    }

    private Task Model(HttpContext context)
    {
        string file = FileName(context.Request.Query["file"]);
        var (text, _) = Original(file);
        var document = Scenario.ScenarioLoader.Load(text, file, new Scenario.DiagnosticBag())!;
        var fields = ScenarioText.Fields(document, text);
        return context.Response.WriteAsJsonAsync(new
        {
            file,
            scenarios = document.Scenarios.Select(s => new { id = s.Id?.Value, description = s.Description }).ToArray(),
            fields = fields.Select(f => new { group = f.Group, label = f.Label, line = f.Line, column = f.Column, text = f.Text }).ToArray(),
        });
    }

    private async Task RunAsync(HttpContext context)
    {
        var request = await WhatIfRequest.ReadAsync(context.Request, _options, _files.Keys).ConfigureAwait(false);
        var (text, original) = Original(request.File);
        if (original.Find(request.Scenario) is null || request.Scenario == original.Scenarios[0].Id)
        {
            throw new RequestError(400, $"unknown scenario '{request.Scenario}'; the file has: {string.Join(", ", original.Scenarios.Skip(1).Select(s => s.Id))}");
        }

        string edited = ScenarioText.Apply(text, request.Edits, out string? problem) ?? throw new RequestError(400, problem!);
        context.Response.ContentType = "application/x-ndjson; charset=utf-8";
        var (model, errors) = WhatIf.Compile(edited, request.File);
        if (model is null)
        {
            await WriteLine(context, new
            {
                errors = errors.Select(e => new { line = e.Location.Line, column = e.Location.Column, code = e.Code, message = e.Message }).ToArray(),
            }).ConfigureAwait(false);
            return;
        }

        CheckCost(model, model.Find(request.Scenario)!, WhatIf.Options(0, request.Trials, 0), runs: 2);
        var slot = _clients.GetOrAdd(request.Client, _ => new ClientSlot());
        using var cancel = slot.Replace(context.RequestAborted);
        await slot.Gate.WaitAsync(cancel.Token).ConfigureAwait(false);
        try
        {
            ulong seed = original.Network.DefaultSeed ?? 42;
            int first = Math.Min(_options.FirstTrials, request.Trials);
            WhatIfRuns? runs = null;
            // The first answer from a few hundred trials; the final one adds the rest to them (the same trials as one run).
            foreach (var (from, count) in new[] { (0, first), (first, request.Trials - first) }.Where(b => b.Item2 > 0))
            {
                var batch = await Task.Run(() => WhatIf.Simulate(original, request.Edits.Count == 0 ? null : model, request.Scenario, from, count, seed,
                    options => Unchanged(request.File, original, request.Scenario, options, cancel.Token), cancel.Token), cancel.Token).ConfigureAwait(false);
                runs = runs is null ? batch : WhatIf.Extend(runs, batch);
                var answer = WhatIf.Compare(runs);
                await WriteLine(context, new
                {
                    trials = answer.Trials,
                    final = answer.Trials == request.Trials,
                    rows = answer.Rows.Select(r => new
                    {
                        sector = r.Sector, material = r.Material, shortBefore = r.ShortBefore, shortAfter = r.ShortAfter,
                        meanBefore = r.MeanBefore, meanAfter = r.MeanAfter, delta = r.Delta, low = r.DeltaLow, high = r.DeltaHigh,
                    }).ToArray(),
                    charts = answer.ChartsHtml,
                }).ConfigureAwait(false);
            }
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    private async Task YamlAsync(HttpContext context)
    {
        var request = await WhatIfRequest.ReadAsync(context.Request, _options, _files.Keys).ConfigureAwait(false);
        var (text, _) = Original(request.File);
        string edited = ScenarioText.Apply(text, request.Edits, out string? problem) ?? throw new RequestError(400, problem!);
        var (model, errors) = WhatIf.Compile(edited, request.File);
        if (model is null)
        {
            throw new RequestError(422, $"the edited file does not compile: {errors[0]}");
        }

        var header = new StringBuilder($"# Saved from the SupplySim workbench: {request.File} with {request.Edits.Count} change(s)\n");
        string[] lines = ScenarioText.Lines(text);
        foreach (var edit in request.Edits.OrderBy(e => e.Line).ThenBy(e => e.Column))
        {
            header.Append($"#   line {edit.Line}: {edit.Original} -> {edit.Value}   ({lines[edit.Line - 1].Trim()})\n");
        }

        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{Path.GetFileNameWithoutExtension(request.File)}-whatif.yaml\"";
        await context.Response.WriteAsync(header + edited, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task ReportAsync(HttpContext context)
    {
        var request = await WhatIfRequest.ReadAsync(context.Request, _options, _files.Keys).ConfigureAwait(false);
        var (text, original) = Original(request.File);
        string edited = ScenarioText.Apply(text, request.Edits, out string? problem) ?? throw new RequestError(400, problem!);
        var (model, errors) = WhatIf.Compile(edited, request.File);
        if (model?.Find(request.Scenario) is not { } scenario || scenario == model.Scenarios[0])
        {
            throw new RequestError(422, model is null ? $"the edited file does not compile: {errors[0]}" : $"unknown scenario '{request.Scenario}'");
        }

        ulong seed = original.Network.DefaultSeed ?? 42;
        var options = new MonteCarloOptions(request.Trials, seed, RecordWeeklySeries: true) { RecordMonthlyPrices = model.Network.MarketCount > 0 };
        CheckCost(model, scenario, options, runs: 2);
        var results = await Task.Run(() => new[] { model.Scenarios[0], scenario }.Select(s => MonteCarlo.Run(model, s, options, cancellationToken: context.RequestAborted)).ToList(),
            context.RequestAborted).ConfigureAwait(false);
        var data = ReportData.FromRun(new RunReport(model, seed, results));
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{Path.GetFileNameWithoutExtension(request.File)}-whatif-report.html\"";
        await context.Response.WriteAsync(HtmlReport.Render(data, scenario.Id), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// The unchanged scenario's run of a batch, computed once: every edit of the same scenario is compared with the same
    /// trials, so only the edited run is new (recent batches are kept within MaxUnchangedRuns and WorkbenchOptions.MaxRunBytes).
    /// </summary>
    private ScenarioResult Unchanged(string file, CompiledModel original, string scenario, MonteCarloOptions options, CancellationToken cancellationToken) =>
        _unchanged.GetOrRun((file, scenario, options.FirstTrial, options.Trials),
            () => MonteCarlo.Run(original, original.Find(scenario)!, options, cancellationToken: cancellationToken));

    /// <summary>Refuses a request whose <paramref name="runs"/> runs of <paramref name="scenario"/> would pass <see cref="WorkbenchOptions.MaxRunBytes"/>.</summary>
    private void CheckCost(CompiledModel model, CompiledScenario scenario, MonteCarloOptions options, int runs)
    {
        var memory = RunMemory.For(model, [.. Enumerable.Repeat(scenario, runs)], options, stream: false);
        if (memory.Total <= _options.MaxRunBytes)
        {
            return;
        }

        long perTrial = Math.Max(1, memory.ResultBytes / options.Trials);
        long fits = Math.Max(0, (_options.MaxRunBytes - memory.KernelBytes) / perTrial);
        throw new RequestError(422, $"{options.Trials} trials of this network need about {memory.Total >> 20} MiB ({memory.Describe()}), more than the " +
            $"{_options.MaxRunBytes >> 20} MiB one request may use; " + (fits > 0 ? $"ask for at most {fits} trials" : "the network is too large for the workbench; use supplysim run"));
    }

    private (string Text, CompiledModel Model) Original(string file) => _originals.GetOrAdd(file, name =>
    {
        // The guards of run and validate (8 MiB, bounded read, UTF-8) hold here too.
        var diagnostics = new Scenario.DiagnosticBag();
        if (Scenario.ScenarioLoader.ReadText(_files[name], "a scenario file", diagnostics) is not var (text, _))
        {
            throw new RequestError(422, $"{name} cannot be used: {diagnostics.Items[0]}");
        }

        var (model, errors) = WhatIf.Compile(text, name);
        return model is null ? throw new RequestError(422, $"{name} does not compile: {errors[0]}") : (text, model);
    });

    private string FileName(string? name) =>
        name is not null && _files.ContainsKey(name) ? name : throw new RequestError(404, $"no scenario file '{name}'; the workbench serves: {string.Join(", ", _files.Keys)}");

    private static async Task WriteLine(HttpContext context, object value)
    {
        await context.Response.WriteAsync(JsonSerializer.Serialize(value) + "\n", context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>One browser's simulation slot: a newer request cancels the running one and waits for it to stop.</summary>
    private sealed class ClientSlot
    {
        private CancellationTokenSource? _current;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public CancellationTokenSource Replace(CancellationToken aborted)
        {
            var next = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            var previous = Interlocked.Exchange(ref _current, next);
            try
            {
                previous?.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // It finished and was disposed in the meantime.
            }

            return next;
        }
    }
}

/// <summary>A request the server refuses, with its HTTP status and a message for the page.</summary>
internal sealed class RequestError(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
