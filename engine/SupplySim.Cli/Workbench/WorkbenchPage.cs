using SupplySim.Reporting.Html;

namespace SupplySim.Cli.Workbench;

/// <summary>The workbench page and its script, served by the app itself (no CDN: it works offline).</summary>
internal static class WorkbenchPage
{
    public static readonly string Html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <title>SupplySim workbench</title>
        <link rel="icon" href="data:,"/>
        <style>
        """ + ReportStyles.Css + """

        body { max-width: 1400px; }
        #layout { display: grid; grid-template-columns: 420px 1fr; gap: 24px; align-items: start; }
        #edits label { display: block; font-size: 12px; margin-top: 6px; }
        #edits input { width: 100%; box-sizing: border-box; font-family: monospace; }
        #edits input.changed { background: #fff6d5; }
        #edits .error, #messages .error { color: #b00020; font-size: 12px; }
        #status { font-size: 13px; color: #555; margin: 6px 0; }
        .up { color: #b00020; } .down { color: #1a7f37; }
        svg.wb { margin: 4px; border: 1px solid #eee; }
        </style>
        </head>
        <body>
        <h1>SupplySim workbench</h1>
        <p class="meta">Edit the dates and figures of a scenario; every change re-runs it against the unchanged scenario on the same random trials (common random numbers). First answer from a few hundred trials, then from the requested count.</p>
        <div id="layout">
        <div>
          <label>File <select id="file"></select></label>
          <label>Scenario <select id="scenario"></select></label>
          <label>Trials <input id="trials" type="number" min="1" max="5000" value="1000"/></label>
          <p><button id="save">Save as YAML</button> <button id="report">Download report</button> <button id="reset">Undo all edits</button></p>
          <div id="messages"></div>
          <div id="edits"></div>
        </div>
        <div>
          <div id="status">Loading…</div>
          <table class="headline" id="headline"></table>
          <p class="meta">Charts: the share of trials whose shortage fraction is at most x; grey the unchanged scenario, red the what-if. Δ is the mean of the per-trial changes (what-if minus unchanged) with its 95% confidence interval.</p>
          <div id="charts"></div>
        </div>
        </div>
        <script src="/app.js"></script>
        </body>
        </html>
        """;

    public static readonly string Script = """
        'use strict';
        const $ = id => document.getElementById(id);
        const client = sessionStorage.getItem('wb-client') || (() => { const id = Math.random().toString(36).slice(2); sessionStorage.setItem('wb-client', id); return id; })();
        let model = null, running = null, timer = null;
        const edits = new Map(); // "line:column" -> {line, column, original, value}

        function fromHash() {
          const params = new URLSearchParams(location.hash.slice(1));
          return { file: params.get('file'), scenario: params.get('scenario'), trials: params.get('trials'), edits: JSON.parse(params.get('edits') || '[]') };
        }
        function toHash() {
          const params = new URLSearchParams({ file: $('file').value, scenario: $('scenario').value, trials: $('trials').value, edits: JSON.stringify([...edits.values()]) });
          history.replaceState(null, '', '#' + params.toString());
        }
        function body() { return JSON.stringify({ file: $('file').value, scenario: $('scenario').value, trials: Number($('trials').value), edits: [...edits.values()] }); }
        function pct(x) { return (100 * x).toFixed(1) + '%'; }
        function signed(x) { return (x >= 0 ? '+' : '') + (100 * x).toFixed(1); }

        async function loadFiles() {
          const files = await (await fetch('/api/files')).json();
          $('file').innerHTML = files.map(f => `<option>${f}</option>`).join('');
          const h = fromHash();
          if (h.file && files.includes(h.file)) $('file').value = h.file;
          if (h.trials) $('trials').value = h.trials;
          await loadModel(h);
        }

        async function loadModel(h) {
          const res = await fetch('/api/model?file=' + encodeURIComponent($('file').value));
          model = await res.json();
          $('scenario').innerHTML = model.scenarios.map(s => `<option value="${s.id}">${s.id}</option>`).join('');
          if (h && h.scenario && model.scenarios.some(s => s.id === h.scenario)) $('scenario').value = h.scenario;
          edits.clear();
          for (const e of (h && h.edits) || []) edits.set(`${e.line}:${e.column}`, e);
          renderFields();
          schedule(0);
        }

        function renderFields() {
          const scenario = $('scenario').value;
          const shown = model.fields.filter(f => f.group === scenario || f.group === 'network');
          let group = null, html = '';
          for (const f of shown) {
            if (f.group !== group) { group = f.group; html += `<h3>${group === 'network' ? 'Network' : 'Scenario ' + group}</h3>`; }
            const key = `${f.line}:${f.column}`, edit = edits.get(key), value = edit ? edit.value : f.text;
            html += `<label title="line ${f.line}, column ${f.column}">${f.label}<input data-key="${key}" data-line="${f.line}" data-column="${f.column}" data-original="${f.text.replace(/"/g, '&quot;')}" value="${value.replace(/"/g, '&quot;')}" class="${edit ? 'changed' : ''}"/></label><div class="error" data-error="${key}"></div>`;
          }
          $('edits').innerHTML = html;
          for (const input of $('edits').querySelectorAll('input')) input.addEventListener('input', onEdit);
        }

        function onEdit(event) {
          const input = event.target, key = input.dataset.key;
          if (input.value === input.dataset.original) { edits.delete(key); input.classList.remove('changed'); }
          else { edits.set(key, { line: Number(input.dataset.line), column: Number(input.dataset.column), original: input.dataset.original, value: input.value }); input.classList.add('changed'); }
          schedule(250);
        }

        function schedule(delay) { clearTimeout(timer); timer = setTimeout(run, delay); }

        async function run() {
          toHash();
          if (running) running.abort();
          const controller = new AbortController();
          running = controller;
          for (const div of document.querySelectorAll('.error')) div.textContent = '';
          $('messages').innerHTML = '';
          $('status').textContent = 'Running…';
          const started = performance.now();
          try {
            const res = await fetch('/api/run', { method: 'POST', body: body(), signal: controller.signal, headers: { 'Content-Type': 'application/json', 'X-Workbench-Client': client } });
            if (!res.ok) { const e = await res.json(); $('messages').innerHTML = `<div class="error">${e.error}</div>`; $('status').textContent = 'Not run.'; return; }
            const reader = res.body.getReader(), decoder = new TextDecoder();
            let buffer = '';
            for (;;) {
              const { value, done } = await reader.read();
              if (done) break;
              buffer += decoder.decode(value, { stream: true });
              let nl;
              while ((nl = buffer.indexOf('\n')) >= 0) { show(JSON.parse(buffer.slice(0, nl)), started); buffer = buffer.slice(nl + 1); }
            }
          } catch (e) {
            if (e.name !== 'AbortError') $('status').textContent = 'Failed: ' + e;
          }
        }

        function show(answer, started) {
          if (answer.errors) {
            for (const e of answer.errors) {
              const div = document.querySelector(`[data-error^="${e.line}:"]`);
              const text = `${e.code} at ${e.line}:${e.column}: ${e.message}`;
              if (div) div.textContent = text; else $('messages').innerHTML += `<div class="error">${text}</div>`;
            }
            $('status').textContent = 'The edited file does not compile; nothing was run.';
            return;
          }
          const ms = Math.round(performance.now() - started);
          $('status').textContent = `${answer.final ? 'Final' : 'First'} answer from ${answer.trials} trials (${ms} ms after the edit)` + (answer.final ? '' : '; refining…');
          $('status').dataset.trials = answer.trials;
          $('status').dataset.final = answer.final;
          $('status').dataset[answer.final ? 'finalMs' : 'firstMs'] = ms;
          const rows = answer.rows.filter(r => r.shortBefore > 0 || r.shortAfter > 0);
          $('headline').innerHTML = '<tr><th>sector</th><th>material</th><th>P(short) unchanged → what-if</th><th>mean short unchanged → what-if</th><th>Δ mean short, points [95% CI]</th></tr>' +
            rows.map(r => `<tr data-sector="${r.sector}" data-material="${r.material}" data-after="${r.meanAfter}" data-before="${r.meanBefore}"><td>${r.sector}</td><td>${r.material}</td><td>${pct(r.shortBefore)} → ${pct(r.shortAfter)}</td><td>${pct(r.meanBefore)} → ${pct(r.meanAfter)}</td>` +
              `<td class="${r.delta > 0 ? 'up' : r.delta < 0 ? 'down' : ''}">${signed(r.delta)} [${signed(r.low)}, ${signed(r.high)}]</td></tr>`).join('');
          $('charts').innerHTML = answer.charts;
        }

        async function download(path, name) {
          const res = await fetch(path, { method: 'POST', body: body(), headers: { 'Content-Type': 'application/json' } });
          if (!res.ok) { const e = await res.json(); $('messages').innerHTML = `<div class="error">${e.error}</div>`; return; }
          const url = URL.createObjectURL(await res.blob());
          const a = document.createElement('a');
          a.href = url; a.download = name; a.click();
          URL.revokeObjectURL(url);
        }

        $('file').addEventListener('change', () => loadModel(null));
        $('scenario').addEventListener('change', () => { renderFields(); schedule(0); });
        $('trials').addEventListener('change', () => schedule(0));
        $('reset').addEventListener('click', () => { edits.clear(); renderFields(); schedule(0); });
        $('save').addEventListener('click', () => download('/api/yaml', $('file').value.replace(/\.ya?ml$/, '') + '-whatif.yaml'));
        $('report').addEventListener('click', () => download('/api/report', $('file').value.replace(/\.ya?ml$/, '') + '-whatif-report.html'));
        loadFiles();
        """;
}
