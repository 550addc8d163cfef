// pledgegraph serve: the canvas's legend, which is also its filters. One checkbox per kind of
// node, type of edge (lead and cooperate apart), theme, status and plan year present in the
// view, each with its count; unticking one hides what carries it without touching the layout
// (vis-network keeps hidden nodes and edges in its physics, so nothing moves). What is
// switched off is kept as sets of values, so a shared link and a later expansion keep it.
// Text reaches the page only through textContent.
"use strict";
window.PledgeFilters = (() => {
  const GROUPS = [["kind", "种类 kind"], ["edge", "关系 relation"], ["theme", "主题 theme"], ["status", "状态 status"],
                  ["year", "年份 year"]];

  function create({nodes, edges, root, describe, order, onChange}) {
    const off = Object.fromEntries(GROUPS.map(([group]) => [group, new Set()]));

    // A shared node (a body, a project) has no year of its own: it takes its edges' years.
    function yearsOf() {
      const years = new Map();
      for (const e of edges.get()) {
        for (const end of [e.from, e.to]) {
          if (!years.has(end)) years.set(end, new Set());
          for (const y of e.years || []) years.get(end).add(String(y));
        }
      }
      return (n) => (n.year !== null && n.year !== undefined) ? [String(n.year)] : [...(years.get(n.id) || [])];
    }

    // Every value is off: a node or edge whose years are all switched off is hidden.
    const allOff = (values, set) => values.length > 0 && values.every((v) => set.has(v));

    function nodeHidden(n, years) {
      return off.kind.has(n.kind) || (n.theme != null && off.theme.has(n.theme)) ||
        (n.status != null && off.status.has(n.status)) || allOff(years(n), off.year);
    }

    function edgeHidden(e, hiddenNodes) {
      return off.edge.has(e.key) || allOff((e.years || []).map(String), off.year) ||
        hiddenNodes.has(e.from) || hiddenNodes.has(e.to);
    }

    function apply() {
      const years = yearsOf();
      const hidden = new Set(nodes.get().filter((n) => nodeHidden(n, years)).map((n) => n.id));
      nodes.update(nodes.get().filter((n) => Boolean(n.hidden) !== hidden.has(n.id))
        .map((n) => ({id: n.id, hidden: hidden.has(n.id)})));
      const changed = edges.get().map((e) => [e, edgeHidden(e, hidden)]).filter(([e, h]) => Boolean(e.hidden) !== h);
      edges.update(changed.map(([e, h]) => ({id: e.id, hidden: h})));
      return hidden.size;
    }

    // Value → how many nodes (edges, for the relation group) carry it in the current view.
    function present() {
      const years = yearsOf();
      const counts = Object.fromEntries(GROUPS.map(([group]) => [group, new Map()]));
      const add = (group, value) => {
        if (value === null || value === undefined || value === "") return;
        counts[group].set(String(value), (counts[group].get(String(value)) || 0) + 1);
      };
      for (const n of nodes.get()) {
        add("kind", n.kind);
        add("theme", n.theme);
        add("status", n.status);
        for (const y of years(n)) add("year", y);
      }
      for (const e of edges.get()) add("edge", e.key);
      return counts;
    }

    // The counts are the view's, not the filters': a toggle leaves the list (and the focus) in place.
    function toggle(li, group, value, on) {
      if (on) off[group].delete(value); else off[group].add(value);
      li.classList.toggle("off", !on);
      apply();
      onChange();
    }

    function item(group, value, count) {
      const shown = describe(group, value);
      const li = document.createElement("li");
      li.dataset.group = group;
      li.dataset.value = value;
      if (group === "kind") li.dataset.kind = value;
      li.classList.toggle("off", off[group].has(value));
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.checked = !off[group].has(value);
      box.addEventListener("change", () => toggle(li, group, value, box.checked));
      label.append(box);
      if (shown.colour) {
        const swatch = document.createElement("span");
        swatch.className = shown.line ? "swatch line" : "swatch";
        swatch.style[shown.line ? "borderTopColor" : "background"] = shown.colour;
        if (shown.dashed) swatch.style.borderTopStyle = "dashed";
        label.append(swatch);
      }
      const text = document.createElement("span");
      text.textContent = shown.text;
      if (shown.title) label.title = shown.title;
      const number = document.createElement("span");
      number.className = "count";
      number.textContent = String(count);
      label.append(text, number);
      li.append(label);
      return li;
    }

    function render() {
      const counts = present();
      const parts = [];
      for (const [group, title] of GROUPS) {
        if (!counts[group].size) continue;
        const set = document.createElement("fieldset");
        set.dataset.group = group;
        const legend = document.createElement("legend");
        legend.textContent = title;
        const list = document.createElement("ul");
        for (const value of order(group, [...counts[group].keys()], counts[group])) {
          list.append(item(group, value, counts[group].get(value)));
        }
        set.append(legend, list);
        parts.push(set);
      }
      root.replaceChildren(...parts);
    }

    function reset() {
      for (const set of Object.values(off)) set.clear();
      apply();
      render();
      onChange();
    }

    // The URL keeps what is switched off: kind=Body,Plan&year=2023 (values never hold a comma).
    function toParams() {
      const params = new URLSearchParams();
      for (const [group] of GROUPS) if (off[group].size) params.set(group, [...off[group]].sort().join(","));
      return params;
    }

    function fromParams(params) {
      for (const [group] of GROUPS) {
        off[group].clear();
        for (const value of (params.get(group) || "").split(",")) if (value) off[group].add(value);
      }
    }

    const active = () => GROUPS.some(([group]) => off[group].size > 0);
    return {off, apply, render, reset, toParams, fromParams, active};
  }

  return {create};
})();
