// EelsLive live dashboard: listens to /events (server-sent events) and draws with uPlot (served locally).
(function () {
  "use strict";

  const palette = ["#CC79A7", "#56B4E9", "#E69F00", "#009E73", "#0072B2", "#F0E442", "#D55E00"];
  const knownColours = { pi_pi: "#CC79A7", c_c: "#56B4E9", c_o: "#E69F00", m_o: "#009E73" };
  const labels = { pi_pi: "π–π*", c_c: "C–C", c_o: "C–O", m_o: "M–O" };
  const text = "#f2f2f2", grid = "#353a44", thresholdColour = "#F0E442", dataColour = "#d9dde3";
  const symbols = { ok: "✓", warning: "⚠", critical: "■" };

  const integrityPlots = new Map();
  let windowNames = [];
  let signalsPlot = null, spectrumPlot = null, spectrumKey = "";
  let stateEvents = 0;
  let doseBudget = null;

  function colour(name, i) { return knownColours[name] || palette[i % palette.length]; }
  function title(name) { return labels[name] ? `${labels[name]} (${name})` : name; }
  function alpha(hex, a) {
    const n = parseInt(hex.slice(1), 16);
    return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${a})`;
  }
  function fmt(x) {
    if (x == null || !isFinite(x)) return "—";
    const abs = Math.abs(x);
    if (abs !== 0 && (abs < 0.01 || abs >= 1e7)) return x.toExponential(2);
    return Number(x.toPrecision(3)).toLocaleString("en-US", { maximumFractionDigits: 3 });
  }
  function axis(label) {
    return { label, stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, font: "14px DejaVu Sans, sans-serif", labelFont: "bold 14px DejaVu Sans, sans-serif" };
  }
  function plotWidth(el) { return Math.max(300, el.clientWidth - 4); }
  function byId(id) { return document.getElementById(id); }

  function d50Html(w) {
    if (w.d50_e_a2 != null) {
      const lo = w.d50_lo_e_a2 != null ? fmt(w.d50_lo_e_a2) : "?";
      const hi = w.d50_hi_e_a2 != null ? fmt(w.d50_hi_e_a2) : "∞";
      return `D50 = ${fmt(w.d50_e_a2)} e/Å² <span class="interval">(90%: ${lo} – ${hi})</span>`;
    }
    if (w.d50_lo_e_a2 != null) {
      return `D50 &gt; ${fmt(w.d50_lo_e_a2)} e/Å² <span class="interval">(not yet estimable)</span>`;
    }
    return `D50 — <span class="interval">(not yet estimable)</span>`;
  }

  // The panel's θ-crossing line, by the terminal's rule (IntegrityStanding): a forecast crossing behind the current dose has
  // been passed, "below θ" once the whole 90% interval is, "probably below θ" while only the central value is; "at θ now"
  // only while integrity reads θ. (A crossing dose exists only for a significant change, so integrity is identified here.)
  function crossText(w, dose, threshold) {
    if (w.cross_dose_e_a2 == null) return w.integrity == null ? "model warming up: integrity not yet estimated" : "";
    const at = fmt(w.cross_dose_e_a2);
    if (w.cross_dose_e_a2 > dose) {
      const interval = w.cross_dose_lo_e_a2 != null && w.cross_dose_hi_e_a2 != null
        ? ` (${fmt(w.cross_dose_lo_e_a2)}–${fmt(w.cross_dose_hi_e_a2)})` : "";
      return `forecast to reach θ at ${at}${interval} e/Å²`;
    }
    if (w.integrity_hi != null && w.integrity_hi < threshold) return `below θ since ≈ ${at} e/Å²`;
    if (w.integrity != null && w.integrity < threshold - 0.005) return `probably below θ since ≈ ${at} e/Å²`;
    return `at θ now (≈ ${at} e/Å²)`;
  }

  // The law the window's fit follows, a given order beside it, and the dose of its last change of law (its estimates jumped there).
  function kineticsText(w, given, changedAt) {
    if (!w.kinetics) return "";
    let law = w.kinetics === "stretched" && w.beta != null ? `stretched β = ${w.beta.toFixed(2)}`
      : w.kinetic_order != null ? `order p = ${w.kinetic_order.toFixed(2)}` : w.kinetics;
    if (w.onset_e_a2 != null) law += ` after ${fmt(w.onset_e_a2)} e/Å²`; // the fitted incubation before the decay
    if (given) law += given.uncertainty > 0 ? ` (given ${given.order}±${given.uncertainty})` : ` (given ${given.order})`;
    if (changedAt != null) law += ` · law changed at ${fmt(changedAt)} e/Å²`;
    return `kinetics: ${law}`;
  }

  function buildWindows(names) {
    const host = byId("windows");
    host.innerHTML = "";
    integrityPlots.forEach(p => p.plot.destroy());
    integrityPlots.clear();
    // Lay out every panel first, then size each plot to its settled panel.
    const panels = names.map((name, i) => {
      const panel = document.createElement("div");
      panel.className = "panel";
      panel.dataset.window = name;
      panel.innerHTML = `<h2 style="color:${colour(name, i)}">${title(name)} integrity</h2>` +
        `<div class="d50" data-role="d50">D50 —</div><div class="hint" data-role="cross"></div>` +
        `<div class="hint" data-role="kinetics"></div>` +
        `<div class="plot" data-role="plot" data-points="0"></div>`;
      host.appendChild(panel);
      return panel;
    });
    names.forEach((name, i) => {
      const panel = panels[i];
      const el = panel.querySelector("[data-role=plot]");
      const c = colour(name, i);
      const plot = new uPlot({
        width: plotWidth(el), height: 240,
        scales: { x: { time: false }, y: { range: (u, min, max) => [Math.min(-0.05, min ?? 0), Math.max(1.1, max ?? 1)] } },
        legend: { show: false },
        series: [
          { label: "dose (e/Å²)" },
          // The data first, small and half transparent, so that the model's line is drawn over them and stays visible.
          { label: "data", stroke: alpha(dataColour, 0.5), paths: () => null, points: { show: true, size: 3, fill: alpha(dataColour, 0.5), stroke: alpha(dataColour, 0.5) } },
          { label: "integrity", stroke: c, width: 3, spanGaps: true, points: { show: false } },
          { label: "90% lo", stroke: alpha(c, 0.6), width: 1, spanGaps: true, points: { show: false } },
          { label: "90% hi", stroke: alpha(c, 0.6), width: 1, spanGaps: true, points: { show: false } },
          { label: "θ", stroke: thresholdColour, width: 2, dash: [10, 6], points: { show: false } },
        ],
        bands: [{ series: [4, 3], fill: alpha(c, 0.28) }],
        axes: [axis("dose (e/Å²)"), axis("integrity")],
      }, [[], [], [], [], [], []], el);
      integrityPlots.set(name, { panel, el, plot });
    });
    if (signalsPlot) { signalsPlot.destroy(); }
    const signalsEl = byId("signals-plot");
    signalsPlot = new uPlot({
      width: plotWidth(signalsEl), height: 300,
      scales: { x: { time: false } },
      series: [{ label: "dose (e/Å²)", value: (u, v) => fmt(v) }].concat(names.map((name, i) => (
        { label: title(name), stroke: colour(name, i), width: 2, spanGaps: true, points: { show: false }, value: (u, v) => fmt(v) }))),
      legend: { live: false },
      axes: [axis("dose (e/Å²)"), axis("signal / first signal")],
    }, [[]].concat(names.map(() => [])), signalsEl);
  }

  function relative(values) {
    const first = values.find(v => v != null && v !== 0);
    return values.map(v => (v == null || first == null) ? null : v / first);
  }

  function onState(s) {
    stateEvents++;
    document.body.dataset.stateEvents = String(stateEvents);
    document.body.dataset.frames = String(s.frames);
    const latest = s.latest;
    byId("series").textContent = s.series_id ?? "—";
    byId("series-ended").textContent = s.series_ended ? "(series ended)" : "";
    byId("threshold").textContent = fmt(s.threshold);
    byId("frames").textContent = s.frames.toLocaleString("en-US");
    byId("fps").textContent = fmt(s.frames_per_s);
    byId("rejected").textContent = s.rejected_messages.toLocaleString("en-US");
    doseBudget = s.dose_budget_e_a2;
    const problems = s.measurement_problems || [];
    byId("measurement").hidden = problems.length === 0;
    byId("measurement").textContent = measurementText(problems);
    if (latest) {
      byId("dose").textContent = fmt(latest.dose_e_a2);
      byId("dose-estimated").textContent = latest.dose_estimated ? "partly estimated (lost frames)" : "";
      byId("dose-rate").textContent = fmt(latest.dose_rate_e_a2_s);
      byId("lost").textContent = latest.lost_frames.toLocaleString("en-US");
      showBudget(latest.budget_used, s.dose_budget_e_a2);
      showAlarm(latest.alarm, latest.alarm_windows);
    }

    const names = Object.keys(s.history.windows);
    if (names.join(",") !== windowNames.join(",")) {
      windowNames = names;
      buildWindows(names);
    }
    const dose = s.history.dose;
    names.forEach(name => {
      const h = s.history.windows[name];
      const entry = integrityPlots.get(name);
      const data = h.data_integrity.length === dose.length ? h.data_integrity : dose.map(() => null);
      entry.plot.setData([dose, data, h.integrity, h.integrity_lo, h.integrity_hi, dose.map(() => s.threshold)]);
      entry.el.dataset.points = String(dose.length);
      const w = latest && latest.windows[name];
      if (w) {
        entry.panel.querySelector("[data-role=d50]").innerHTML = d50Html(w);
        entry.panel.querySelector("[data-role=cross]").textContent = crossText(w, latest.dose_e_a2, s.threshold);
        entry.panel.querySelector("[data-role=kinetics]").textContent =
          kineticsText(w, (s.kinetic_orders_given || {})[name], (s.kinetics_changed_e_a2 || {})[name]);
      }
    });
    if (signalsPlot) {
      signalsPlot.setData([dose].concat(names.map(name => relative(s.history.windows[name].signal))));
      byId("signals-plot").dataset.points = String(dose.length);
    }
  }

  // What kept windows from being measured: a monitor that sees nothing must not look like one that sees no damage.
  function measurementText(problems) {
    return problems.map(p => {
      const range = `${p.spectrum_lo_ev.toFixed(1)}–${p.spectrum_hi_ev.toFixed(1)} eV`;
      if (p.kind === "no_reference") {
        return p.normalisation === "zlp"
          ? `NO DATA: no zero-loss peak in this spectrum (${range}): no window has a signal and no damage alarm can be raised.`
          : `NO DATA: the spectrum (${range}) has no positive counts: no window has a signal and no damage alarm can be raised.`;
      }
      return p.kind === "outside_spectrum"
        ? `NO DATA: ${p.windows.join(", ")} outside this spectrum (${range}): cannot be measured, cannot raise a damage alarm.`
        : `PARTLY MEASURED: ${p.windows.join(", ")} ${p.windows.length === 1 ? "extends" : "extend"} beyond this spectrum (${range}).`;
    }).join(" ");
  }

  function showBudget(used, budget) {
    const fill = byId("budget-fill");
    if (used == null) {
      fill.style.width = "0";
      byId("budget-text").textContent = "no budget reported";
      return;
    }
    fill.style.width = `${Math.min(100, Math.max(0, used * 100))}%`;
    fill.dataset.level = used >= 1 ? "critical" : used >= 0.8 ? "warning" : "ok";
    byId("budget-text").textContent = `${fmt(used * 100)} %` + (budget != null ? ` of ${fmt(budget)} e/Å²` : "");
  }

  function showAlarm(level, names) {
    const banner = byId("alarm-banner");
    banner.dataset.alarm = level;
    byId("alarm-symbol").textContent = symbols[level] || "?";
    byId("alarm-level").textContent = level.toUpperCase();
    byId("alarm-windows").textContent = names.length ? names.map(n => labels[n] ? `${labels[n]} (${n})` : n).join(", ") : "";
    integrityPlots.forEach((entry, name) => { entry.panel.dataset.alarm = names.includes(name) ? level : "ok"; });
  }

  function onSpectrum(sp) {
    const el = byId("spectrum-plot");
    const key = sp.windows.map(w => `${w.name}:${w.lo_ev}:${w.hi_ev}`).join(",");
    if (!spectrumPlot || key !== spectrumKey) {
      if (spectrumPlot) { spectrumPlot.destroy(); }
      spectrumKey = key;
      spectrumPlot = new uPlot({
        width: plotWidth(el), height: 300,
        scales: { x: { time: false }, y: { distr: 3 } },
        series: [{ label: "energy loss (eV)", value: (u, v) => fmt(v) },
          { label: "counts", stroke: text, width: 1.5, spanGaps: false, points: { show: false }, value: (u, v) => fmt(v) }]
          .concat(sp.windows.map((w, i) => ({
            label: `${title(w.name)} ${w.lo_ev}–${w.hi_ev} eV`, stroke: colour(w.name, i), width: 2,
            fill: alpha(colour(w.name, i), 0.35), fillTo: u => u.scales.y.min, points: { show: false }, value: (u, v) => fmt(v),
          }))),
        legend: { live: false },
        axes: [axis("energy loss (eV)"), Object.assign(axis("counts"), { size: 64, values: (u, ticks) => ticks.map(v => v == null ? null : v >= 1e4 ? v.toExponential(0).replace("+", "") : String(v)) })],
      }, [[], []].concat(sp.windows.map(() => [])), el);
    }
    const counts = sp.counts.map(c => (c != null && c > 0) ? c : null);
    const shaded = sp.windows.map(w => sp.energy_ev.map((e, i) => (e >= w.lo_ev && e < w.hi_ev) ? counts[i] : null));
    spectrumPlot.setData([sp.energy_ev, counts].concat(shaded));
    el.dataset.points = String(sp.energy_ev.length);
    el.dataset.seq = String(sp.seq);
    byId("spectrum-note").textContent = `frame ${sp.seq}, ${fmt(sp.dose_e_a2)} e/Å²` + (sp.aligned ? ", zero-loss aligned" : ", not aligned");
  }

  function connect() {
    const source = new EventSource("events");
    source.onopen = () => { document.body.dataset.connected = "true"; byId("connection").textContent = "live"; };
    source.onerror = () => { document.body.dataset.connected = "false"; byId("connection").textContent = "reconnecting…"; };
    source.addEventListener("state", e => onState(JSON.parse(e.data)));
    source.addEventListener("alarm", e => {
      const a = JSON.parse(e.data);
      showAlarm(a.alarm, a.alarm_windows);
      if (a.budget_used != null) showBudget(a.budget_used, doseBudget);
    });
    source.addEventListener("spectrum", e => onSpectrum(JSON.parse(e.data)));
  }

  window.addEventListener("resize", () => {
    integrityPlots.forEach(p => p.plot.setSize({ width: plotWidth(p.el), height: 240 }));
    if (signalsPlot) signalsPlot.setSize({ width: plotWidth(byId("signals-plot")), height: 300 });
    if (spectrumPlot) spectrumPlot.setSize({ width: plotWidth(byId("spectrum-plot")), height: 300 });
  });

  connect();
})();
