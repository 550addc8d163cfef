// pledgegraph serve: search, the entity panel, the source view and the network around a node.
// Every text from the store reaches the page through textContent (el() below) or as a
// vis-network string (shown as text); nothing is ever parsed as HTML.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const KIND = {Project: "项目", Body: "单位", Plan: "规划", Theme: "主题", Commitment: "任务", Target: "指标", Place: "地区"};
  const COLOUR = {Plan: "#999999", Body: "#E69F00", Commitment: "#56B4E9", Project: "#009E73", Theme: "#CC79A7",
                  Target: "#0072B2", Place: "#8C564B"};
  const SHAPE = {Plan: "box", Body: "dot", Commitment: "square", Project: "diamond", Theme: "star", Target: "triangle",
                 Place: "hexagon"};
  const ROLE = {lead: "牵头 lead", cooperate: "配合 cooperate"};
  const STATUS = {planned: "计划 planned", in_progress: "推进中 in progress", completed: "已完成 completed"};
  const FLAG = {no_owner: "无牵头单位 no owner", no_target: "无量化指标 no target", no_deadline: "无时限 no deadline"};
  const EDGE_COLOUR = {"RESPONSIBLE_FOR:lead": "#D55E00", "RESPONSIBLE_FOR:cooperate": "#E69F00", CONCERNS: "#009E73",
                       CONTAINS: "#BBBBBB", UNDER_THEME: "#CC79A7", HAS_TARGET: "#0072B2", ISSUED: "#999999",
                       CO_ISSUED: "#777777", DRAFTED: "#777777", TRACKS: "#D55E00", MEMBER_OF: "#E69F00",
                       PART_OF: "#8C564B", DEPENDS_ON: "#882255", SUPPORTS: "#44AA99", COOPERATES_WITH: "#F0E442"};
  // The edge types of graph/model.py, lead and cooperate apart, in the legend's order.
  const EDGE_NAME = {"RESPONSIBLE_FOR:lead": "牵头 lead", "RESPONSIBLE_FOR:cooperate": "配合 cooperate",
                     CONTAINS: "包含 contains", CONCERNS: "涉及项目 concerns", UNDER_THEME: "属于主题 under theme",
                     HAS_TARGET: "指标 has target", DEPENDS_ON: "依赖 depends on", SUPPORTS: "支撑 supports",
                     COOPERATES_WITH: "协作 cooperates with", TRACKS: "跟进 tracks", ISSUED: "发布 issued",
                     CO_ISSUED: "联合发布 co-issued", DRAFTED: "起草 drafted", MEMBER_OF: "成员 member of",
                     PART_OF: "隶属 part of"};
  const FONT = "Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif";
  const ID = /^(project|body|plan|theme|commitment|target|place):/;
  const state = {selected: null, hits: [], active: -1, seq: 0, pending: null};

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  async function api(path, options) {
    const response = await fetch(path, options);
    const body = await response.json().catch(() => null);
    if (!response.ok) throw new Error((body && body.error) || `${response.status} ${response.statusText}`);
    return body;
  }

  const enc = encodeURIComponent;

  // --- links that move the selection or open the source -------------------------------
  function link(text, id) {
    const button = el("button", text || id, "link");
    button.type = "button";
    button.dataset.id = id;
    button.addEventListener("click", () => select(id));
    return button;
  }

  function sourceLink(text, doc, start, end) {
    const button = el("button", text, "link source-link");
    button.type = "button";
    button.dataset.doc = doc;
    button.title = "原文 / source";
    button.addEventListener("click", () => showSource(doc, start, end));
    return button;
  }

  function badge(label) {
    const span = el("span", KIND[label] || label, "kind");
    span.style.background = COLOUR[label] || "#777";
    return span;
  }

  function table(headings, rows, cls) {
    if (!rows.length) return el("p", "（无 none）", "empty");
    const t = el("table", null, cls);
    const head = t.createTHead().insertRow();
    for (const h of headings) head.appendChild(el("th", h));
    const body = t.createTBody();
    for (const cells of rows) {
      const tr = body.insertRow();
      for (const cell of cells) {
        const td = tr.insertCell();
        if (cell instanceof Node) td.appendChild(cell);
        else if (Array.isArray(cell)) cell.forEach((part, i) => { if (i) td.append("、"); td.append(part); });
        else if (cell && typeof cell === "object") { td.textContent = cell.text ?? ""; if (cell.cls) td.className = cell.cls; }
        else td.textContent = cell ?? "";
      }
    }
    return t;
  }

  const roleCell = (role) => ({text: ROLE[role] || role || "", cls: `role-${role}`});
  const statusText = (status) => STATUS[status] || status || "";
  const evidence = (text) => ({text: text || "", cls: "evidence"});

  // --- the panel ------------------------------------------------------------------------
  function section(body, title, content) {
    body.appendChild(el("h3", title));
    body.appendChild(content);
  }

  function workRows(rows) {
    return rows.map((r) => [r.kind === "project" ? "项目" : "任务", link(r.name, r.id), r.theme || "", r.year ?? "",
      statusText(r.status), r.document ? sourceLink(r.document, r.document, r.span_start, r.span_end) : "",
      r.via_id ? link(r.via, r.via_id) : ""]);
  }

  const PANELS = {
    Project(p, body) {
      section(body, "负责单位 / owners", table(["单位 body", "角色 role", "文件 document", "依据 evidence", "规则 rule"],
        p.owners.map((o) => [link(o.body, o.body_id), roleCell(o.role),
          sourceLink(o.document, o.document, o.span_start, o.span_end), evidence(o.evidence), o.rule || ""]), "owners"));
      section(body, "进展 / status timeline", table(["年份 year", "文件 document", "状态 status", "依据 evidence"],
        p.timeline.map((t) => [t.year ?? "", t.document, statusText(t.status), evidence(t.evidence)]), "timeline"));
      section(body, "提及 / mentioned in", table(["任务 commitment", "文件 document", "状态 status"],
        p.mentions.map((m) => [link(m.name, m.id), sourceLink(m.document, m.document, m.span_start, m.span_end),
          statusText(m.status)]), "mentions"));
    },
    Body(p, body) {
      const heads = ["类型 kind", "名称 name", "主题 theme", "年份 year", "状态 status", "文件 document", "经由 via"];
      section(body, `牵头 / leads (${p.leads.length})`, table(heads, workRows(p.leads), "leads"));
      section(body, `配合 / cooperates (${p.cooperates.length})`, table(heads, workRows(p.cooperates), "cooperates"));
      section(body, "共同负责单位 / co-responsible", table(["单位 body", "共同事项 shared"],
        p.partners.map((r) => [link(r.name, r.id), r.shared]), "partners"));
      section(body, "所属集合 / member of", table(["集合 collective", "依据 rule", "文件 document"],
        p.collectives.map((r) => [link(r.name, r.id), r.rule || "", r.document || ""]), "collectives"));
      if (p.members.length) section(body, "成员 / members", table(["成员 member", "依据 rule"],
        p.members.map((r) => [link(r.name, r.id), r.rule || ""]), "members"));
      if (p.plans.length) section(body, "发布的规划 / plans issued", table(["规划 plan", "年份 year"],
        p.plans.map((r) => [link(r.title || r.document, r.id), r.year ?? ""]), "plans"));
    },
    Plan(p, body) {
      section(body, "发文机关 / issuer", table(["单位 body"], p.issuer.map((b) => [link(b.name, b.id)]), "issuer"));
      const doc = p.props.doc;
      section(body, `任务 / commitments (${p.commitments.length})`, table(
        ["章节 section", "任务 commitment", "牵头 lead", "配合 cooperate", "指标 targets", "时限 deadline", "状态 status", "审计 audit", "原文"],
        p.commitments.map((c) => [c.section || "", link(c.name, c.id), c.leads.map((o) => link(o.name, o.id)),
          c.cooperating.map((o) => link(o.name, o.id)),
          c.targets.map((t) => [t.metric, t.comparator, t.value, t.unit].filter((x) => x !== null && x !== "").join(" ")).join("；"),
          c.deadline || "", statusText(c.status), flags(c.flags), sourceLink("原文", doc, c.span_start, c.span_end)]),
        "commitments"));
    },
    Theme(p, body) {
      if (!p.plans.length) body.appendChild(el("p", "（无任务 no commitments）", "empty"));
      for (const plan of p.plans) {
        const h = el("h4");
        h.appendChild(link(plan.name, plan.id));
        body.appendChild(h);
        body.appendChild(table(["任务 commitment", "牵头 lead", "时限 deadline", "状态 status"],
          plan.commitments.map((c) => [link(c.name, c.id), c.leads.map((o) => link(o.name, o.id)), c.deadline || "",
            statusText(c.status)]), "theme-commitments"));
      }
    },
  };

  function flags(list) {
    const span = el("span");
    for (const f of list) span.appendChild(el("span", FLAG[f] || f, "flag"));
    return span;
  }

  function properties(p, body) {
    const skip = new Set(["id", "evidence"]);
    const rows = Object.entries(p.props).filter(([k, v]) => !skip.has(k) && v !== null && v !== "")
      .map(([k, v]) => [k, String(v)]);
    section(body, "属性 / properties", table(["属性", "值 value"], rows, "props"));
    if (p.props.doc && p.props.span_start !== null && p.props.span_start !== undefined) {
      const para = el("p");
      para.appendChild(sourceLink("查看原文 / view source", p.props.doc, p.props.span_start, p.props.span_end));
      body.appendChild(para);
    }
  }

  function renderPanel(p) {
    $("panel-kind").replaceChildren(badge(p.label));
    $("panel-title").textContent = p.name;
    const body = $("panel-body");
    body.replaceChildren();
    if (PANELS[p.label]) PANELS[p.label](p, body);
    else properties(p, body);
    moreButton(p, body);
    if (p.links.length) section(body, "关联 / links", table(["关系 relation", "类型 kind", "名称 name", "文件数 documents"],
      p.links.map((l) => [`${l.direction === "out" ? "→" : "←"} ${l.type}${l.role ? " " + (ROLE[l.role] || l.role) : ""}`,
        KIND[l.label] || l.label, link(l.name, l.id), l.count]), "links"));
  }

  // The URL: #<id>, then what the filters switch off (#body%3A…&edge=CONTAINS&year=2023).
  function writeUrl() {
    const params = filters.toParams().toString();
    const hash = (state.selected ? enc(state.selected) : "") + (params ? "&" + params : "");
    history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
  }

  function readUrl() {
    const hash = location.hash.slice(1);
    const cut = hash.indexOf("&");
    filters.fromParams(new URLSearchParams(cut < 0 ? "" : hash.slice(cut + 1)));
    return decodeURIComponent(cut < 0 ? hash : hash.slice(0, cut));
  }

  // --- long lists: a panel holds a page of each; "more…" asks for a longer page ---------------
  const MAX_PANEL_LIMIT = 5000;  // serve/panel_pages.py

  function moreButton(p, body) {
    const left = Object.values(p.more || {}).reduce((most, m) => Math.max(most, m.left), 0);
    if (!left) return;
    const button = el("button", `更多 / more… (${left})`, "more");
    button.type = "button";
    button.addEventListener("click", async () => {
      button.disabled = true;
      const grown = Math.min(p.page.limit * 2, MAX_PANEL_LIMIT);
      const offset = grown > p.page.limit ? p.page.offset : p.page.offset + p.page.limit;
      const panel = await api(`/api/entity/${enc(p.id)}?limit=${grown}&offset=${offset}`);
      if (state.selected === p.id) renderPanel(panel);
    });
    body.appendChild(button);
  }

  async function select(id, redraw = true) {
    state.selected = id;
    window.pledgegraph.selected = id;
    writeUrl();
    try {
      const [panel, hood] = await Promise.all([api("/api/entity/" + enc(id)), redraw ? api("/api/graph/" + enc(id)) : null]);
      if (state.selected !== id) return;
      renderPanel(panel);
      if (hood) draw(hood, true);
      highlight(id);
    } catch (error) {
      $("panel-kind").replaceChildren();
      $("panel-title").textContent = "无法显示 / cannot show";
      $("panel-body").replaceChildren(el("p", error.message, "error"));
    }
    window.pledgegraph.loaded = id;
    window.pledgegraph.loads += 1;
  }

  // --- search ---------------------------------------------------------------------------
  function renderHits(result) {
    const list = $("hits");
    list.replaceChildren();
    state.hits = result.hits;
    state.active = result.hits.length ? 0 : -1;
    if (!result.query) { list.hidden = true; $("q").setAttribute("aria-expanded", "false"); return; }
    result.hits.forEach((hit, i) => {
      const li = el("li");
      li.setAttribute("role", "option");
      li.id = `hit-${i}`;
      li.dataset.id = hit.id;
      li.append(badge(hit.label), el("span", hit.name, "name"), el("span", hit.detail, "detail"));
      li.addEventListener("mousedown", (event) => { event.preventDefault(); take(i); });
      list.appendChild(li);
    });
    if (!result.hits.length) {
      list.appendChild(el("li", "无匹配 / no match", "none"));
      if (result.suggestions.length) {
        list.appendChild(el("li", "你是不是要找 / did you mean:", "suggest-head"));
        for (const s of result.suggestions) {
          const li = el("li", null, "suggestion");
          li.dataset.id = s.id;
          li.append(badge(s.label), el("span", s.name, "name"));
          li.addEventListener("mousedown", (event) => { event.preventDefault(); close(); select(s.id); });
          list.appendChild(li);
        }
      }
    }
    if (result.total > result.hits.length) list.appendChild(el("li", `… 共 ${result.total} 条 / ${result.total} hits`, "suggest-head"));
    list.hidden = false;
    $("q").setAttribute("aria-expanded", "true");
    mark();
  }

  function mark() {
    [...$("hits").querySelectorAll("li[role=option]")].forEach((li, i) => li.setAttribute("aria-selected", String(i === state.active)));
    const active = $(`hit-${state.active}`);
    if (active) { keepInView($("hits"), active); $("q").setAttribute("aria-activedescendant", active.id); }
  }

  function keepInView(box, item) {
    if (item.offsetTop < box.scrollTop) box.scrollTop = item.offsetTop;
    else if (item.offsetTop + item.offsetHeight > box.scrollTop + box.clientHeight) {
      box.scrollTop = item.offsetTop + item.offsetHeight - box.clientHeight;
    }
  }

  function close() { $("hits").hidden = true; $("q").setAttribute("aria-expanded", "false"); }

  function take(i) {
    const hit = state.hits[i];
    if (!hit) return;
    close();
    select(hit.id);
  }

  function runSearch() {
    const text = $("q").value;
    const seq = ++state.seq;
    state.pending = api("/api/search?q=" + enc(text)).then((result) => {
      if (seq === state.seq) renderHits(result);
    }).catch((error) => { $("hits").replaceChildren(el("li", error.message, "none")); $("hits").hidden = false; });
    return state.pending;
  }

  let timer = null;
  $("q").addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(runSearch, 120); });
  $("q").addEventListener("keydown", async (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!state.hits.length) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      state.active = (state.active + step + state.hits.length) % state.hits.length;
      mark();
    } else if (event.key === "Enter") {
      event.preventDefault();
      clearTimeout(timer);
      await runSearch();
      take(Math.max(0, state.active));
    } else if (event.key === "Escape") {
      close();
    }
  });
  $("q").addEventListener("blur", () => setTimeout(close, 150));

  // --- the source view ------------------------------------------------------------------
  async function showSource(doc, start, end) {
    const pane = $("source");
    pane.hidden = false;
    $("source-title").textContent = doc;
    const text = $("source-text");
    text.replaceChildren(el("span", "…"));
    const query = (start !== null && start !== undefined) ? `?start=${start}&end=${end ?? start}` : "";
    try {
      const src = await api("/api/source/" + enc(doc) + query);
      $("source-title").textContent = src.name;
      if (src.start === null) { text.replaceChildren(el("span", src.text)); return; }
      const hit = el("mark", src.text.slice(src.start, src.end));
      text.replaceChildren(el("span", src.text.slice(0, src.start)), hit, el("span", src.text.slice(src.end)));
      text.scrollTop = Math.max(0, hit.offsetTop - text.clientHeight / 2);
    } catch (error) {
      text.replaceChildren(el("span", "原文不可用 / source not available: " + error.message, "error"));
    }
  }
  $("source-close").addEventListener("click", () => { $("source").hidden = true; });

  // --- the network ----------------------------------------------------------------------
  const nodes = new vis.DataSet();
  const edges = new vis.DataSet();
  // Physics off: the server lays each view out (serve/canvas.py), so a view is drawn at once
  // instead of after vis-network's synchronous stabilisation (most of a second for a hub).
  const network = new vis.Network($("graph"), {nodes, edges}, {
    physics: {enabled: false},
    interaction: {hover: true, tooltipDelay: 150, navigationButtons: false},
    nodes: {font: {size: 14, face: FONT}},
    edges: {arrows: {to: {enabled: true, scaleFactor: 0.5}}, smooth: {type: "continuous"}, font: {size: 11, face: FONT}},
  });

  function short(name) { return name.length > 24 ? name.slice(0, 23) + "…" : name; }

  function visNode(n) {
    const facts = [n.theme_name, statusText(n.status), n.year].filter((x) => x !== null && x !== undefined && x !== "");
    return {id: n.id, label: short(n.name), title: `${KIND[n.label] || n.label}: ${n.name}${facts.length ? "\n" + facts.join(" · ") : ""}`,
            fullName: n.name, kind: n.label, color: COLOUR[n.label], shape: SHAPE[n.label] || "dot",
            theme: n.theme ?? null, themeName: n.theme_name ?? null, status: n.status ?? null, year: n.year ?? null};
  }

  const edgeKey = (e) => e.type === "RESPONSIBLE_FOR" ? `${e.type}:${e.role}` : e.type;

  function visEdge(e) {
    const key = edgeKey(e);
    const lines = e.evidence.map((x) => `${x.doc || ""}${x.year ? " (" + x.year + ")" : ""}${x.rule ? " [" + x.rule + "]" : ""}: ${(x.evidence || "").slice(0, 120)}`);
    return {id: `${e.from}|${e.to}|${e.type}|${e.role}`, from: e.from, to: e.to, label: e.count > 1 ? `×${e.count}` : undefined,
            title: `${EDGE_NAME[key] || e.type}${e.role && !EDGE_NAME[key] ? " " + (ROLE[e.role] || e.role) : ""}\n${lines.join("\n")}`,
            color: {color: EDGE_COLOUR[key] || "#777"}, dashes: e.role === "cooperate", width: e.role === "lead" ? 3 : 1,
            count: e.count, type: e.type, role: e.role, key, docs: e.docs || [], years: e.years || []};
  }

  function note(text) {
    const hidden = nodes.get({filter: (n) => n.hidden}).length;
    $("graph-note").textContent = text + (hidden ? ` · 筛选隐藏 ${hidden} 个 (${hidden} hidden by filters)` : "");
  }

  // Where the server's layout puts a view's nodes on the canvas: as laid out for a new view; for
  // an expanded node, moved so the node stays where it is, and nodes already drawn stay put.
  function placed(hood, replace, around) {
    const shift = {x: 0, y: 0};
    const anchor = around && nodes.get(around), laid = around && hood.nodes.find((n) => n.id === around);
    if (!replace && anchor && laid) {
      const at = network.getPositions([around])[around];
      shift.x = at.x - laid.x; shift.y = at.y - laid.y;
    }
    return hood.nodes.filter((n) => replace || !nodes.get(n.id))
      .map((n) => ({...visNode(n), x: n.x + shift.x, y: n.y + shift.y}));
  }

  function draw(hood, replace, what, around) {
    if (replace) { nodes.clear(); edges.clear(); }
    nodes.update(placed(hood, replace, around));
    edges.update(hood.edges.map(visEdge));
    filters.apply();
    filters.render();
    state.note = (what ? what + " · " : "") + (hood.shown < hood.total
      ? `显示 ${hood.shown} / ${hood.total} 个节点 (showing ${hood.shown} of ${hood.total})` : `${nodes.length} 个节点 nodes · 双击展开 double-click expands`);
    note(state.note);
    fitView(false);
  }

  // Fit the view into the part of the canvas the legend leaves free: the legend floats over the
  // canvas's right side, and a node fitted under it can be neither seen nor clicked.
  function fitView(animate) {
    network.fit({animation: false});
    const legend = $("legend-box"), width = $("graph").clientWidth;
    const covered = legend && !legend.hidden ? legend.offsetWidth + 16 : 0;
    if (!covered || covered >= width / 2 || !nodes.length) return;
    const scale = network.getScale() * (width - covered) / width, centre = network.getViewPosition();
    network.moveTo({position: {x: centre.x + covered / 2 / scale, y: centre.y}, scale,
                    animation: animate ? {duration: 300} : false});
  }

  function highlight(id) {
    if (!nodes.get(id)) return;
    const near = new Set([id, ...network.getConnectedNodes(id)]);
    nodes.update(nodes.get().map((n) => ({id: n.id, opacity: near.has(n.id) ? 1 : 0.25})));
    network.selectNodes([id]);
  }

  async function expand(id) {
    const hood = await api("/api/graph/" + enc(id));
    draw(hood, false, undefined, id);
    window.pledgegraph.expanded = id;
  }

  // A big canvas draws straight edges, and their arrowheads only once zoomed in: curves and
  // 4,000 arrowheads took a 2,000-node redraw from about 25 ms to over 100 ms, and zoomed out
  // an arrowhead is a pixel. The legend says when arrows are left out.
  const BIG = 800, NEAR = 0.6;
  let detail = "";
  function setDetail() {
    const big = edges.length > BIG, arrows = !big || network.getScale() >= NEAR;
    const key = `${big}|${arrows}`;
    if (key === detail) return;
    detail = key;
    network.setOptions({edges: {smooth: big ? false : {type: "continuous"}, arrows: {to: {enabled: arrows, scaleFactor: 0.5}}}});
    $("graph").dataset.detail = big ? (arrows ? "big" : "big-no-arrows") : "full";
    $("graph").title = arrows ? "" : "边较多：放大后显示箭头 / many edges: zoom in to see arrows";
  }
  edges.on("*", () => requestAnimationFrame(setDetail));
  network.on("zoom", setDetail);
  network.on("click", (params) => { if (params.nodes.length) select(params.nodes[0], false); });
  network.on("doubleClick", (params) => { if (params.nodes.length) expand(params.nodes[0]); });
  $("fit").addEventListener("click", () => fitView(true));
  $("zoom-in").addEventListener("click", () => network.moveTo({scale: network.getScale() * 1.3}));
  $("zoom-out").addEventListener("click", () => network.moveTo({scale: network.getScale() / 1.3}));
  $("png").addEventListener("click", () => {
    const canvas = $("graph").querySelector("canvas");
    const a = el("a");
    a.href = canvas.toDataURL("image/png");
    a.download = "pledgegraph.png";
    a.click();
  });

  // --- the legend, which is also the filters (filters.js) ------------------------------
  const themeNames = () => new Map(nodes.get().filter((n) => n.theme).map((n) => [n.theme, n.themeName || n.theme]));
  const DESCRIBE = {
    kind: (v) => ({text: `${KIND[v] || v} ${v}`, colour: COLOUR[v] || "#777"}),
    edge: (v) => ({text: EDGE_NAME[v] || v.replace(":", " "), colour: EDGE_COLOUR[v] || "#777", line: true,
                   dashed: v.endsWith(":cooperate"), title: v}),
    theme: (v) => ({text: themeNames().get(v) || v, title: v}),
    status: (v) => ({text: statusText(v)}),
    year: (v) => ({text: `${v} 年`}),
  };
  const FIXED = {kind: Object.keys(KIND), edge: Object.keys(EDGE_NAME), status: Object.keys(STATUS)};
  function order(group, values, counts) {
    const fixed = FIXED[group] || [];
    const rank = (v) => (fixed.includes(v) ? fixed.indexOf(v) : fixed.length);
    if (group === "year") return values.sort();
    return values.sort((a, b) => rank(a) - rank(b) || counts.get(b) - counts.get(a) || (a < b ? -1 : a > b ? 1 : 0));
  }
  const filters = PledgeFilters.create({nodes, edges, root: $("legend"), order,
    describe: (group, value) => DESCRIBE[group](value),
    onChange: () => { writeUrl(); note(state.note || ""); }});
  $("filters-reset").addEventListener("click", () => filters.reset());

  // --- the console ----------------------------------------------------------------------
  async function runCypher() {
    const out = $("console-out");
    out.replaceChildren();
    $("console-note").textContent = "";
    const response = await fetch("/api/cypher", {method: "POST", headers: {"Content-Type": "application/json"},
                                                 body: JSON.stringify({query: $("cypher").value, params: {}})});
    const body = await response.json().catch(() => null);
    if (!response.ok) { out.appendChild(el("p", (body && body.error) || response.statusText, "error")); return; }
    const columns = body.length ? Object.keys(body[0]) : [];
    out.appendChild(table(columns, body.map((row) => columns.map((c) => cell(row[c]))), "console-rows"));
    const cut = response.headers.get("X-Rows-Truncated");
    $("console-note").textContent = `${body.length} 行 rows` + (cut ? `（只显示前 ${cut} 行，还有更多 / the first ${cut}, more exist）` : "");
    state.resultIds = nodeIds(body);
    $("as-graph").hidden = !state.resultIds.length;
    $("as-graph").textContent = `图 graph view (${state.resultIds.length} 个节点 nodes)`;
  }

  const isNode = (v) => v !== null && typeof v === "object" && !Array.isArray(v) && typeof v.id === "string" && ID.test(v.id);

  function cell(v) {
    if (typeof v === "string" && ID.test(v)) return link(v, v);
    if (isNode(v)) return link(v.name || v.title || v.id, v.id);
    if (Array.isArray(v) && v.length && v.every(isNode)) return v.map((n) => link(n.name || n.title || n.id, n.id));
    return v !== null && typeof v === "object" ? JSON.stringify(v) : v;
  }

  // The nodes a result holds: node values (a dict of properties with an id), lists and paths of
  // them, and node ids; in the order met, each once.
  function nodeIds(rows) {
    const ids = new Set();
    const visit = (v) => {
      if (typeof v === "string") { if (ID.test(v)) ids.add(v); } else if (Array.isArray(v)) v.forEach(visit);
      else if (isNode(v)) ids.add(v.id);
    };
    rows.forEach((row) => Object.values(row).forEach(visit));
    return [...ids];
  }

  async function showResult() {
    try {
      const graph = await api("/api/subgraph", {method: "POST", headers: {"Content-Type": "application/json"},
                                                body: JSON.stringify({ids: state.resultIds})});
      state.selected = null;
      window.pledgegraph.selected = null;
      writeUrl();
      draw(graph, true, `查询结果 console result${graph.missing.length ? ` (${graph.missing.length} 个未找到 not found)` : ""}`);
      window.pledgegraph.shownResult += 1;
    } catch (error) {
      $("console-note").textContent = "无法显示为图 / cannot draw: " + error.message;
    }
  }
  $("run").addEventListener("click", runCypher);
  $("as-graph").addEventListener("click", showResult);
  api("/api/queries").then((list) => {
    for (const q of list) {
      const li = el("li");
      li.append(el("code", q.name + (q.params.length ? ` (${q.params.join(", ")})` : "")), " — ", q.description);
      $("named").appendChild(li);
    }
  }).catch(() => {});

  window.pledgegraph = {network, nodes, edges, select, showSource, expand, filters, selected: null, loaded: null, loads: 0,
                        expanded: null, shownResult: 0};
  const first = readUrl();
  if (first) select(first);
})();
