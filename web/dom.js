// dom.js: the only way the page builds DOM. Every string that came from the
// server (article titles, text, outlets, URLs, quotations, names) is
// untrusted: it becomes a text node or an attribute set with setAttribute,
// never markup. No file of web/ hands a string to an HTML parser
// (tests/serve/pages_test.cc checks the embedded sources for every such sink).

const SVG_NS = "http://www.w3.org/2000/svg";

// Appends children: strings and numbers become text nodes, null/undefined/
// false are skipped, arrays are flattened.
function append(parent, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else if (c instanceof Node) parent.append(c);
    else parent.append(document.createTextNode(String(c)));
  }
  return parent;
}

// Event handler attributes are never set from data: a name starting with
// "on" is a programming error here, refused loudly.
function setAttrs(node, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (/^on/i.test(k)) throw new Error("dom.js: refusing event attribute " + k);
    if (k === "class") node.setAttribute("class", Array.isArray(v) ? v.filter(Boolean).join(" ") : v);
    else if (k === "href") node.setAttribute("href", checkedHref(v));
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  return node;
}

// el("a", {href: "/x", class: "c"}, "text", child...)
export function el(tag, attrs, ...children) {
  return append(setAttrs(document.createElement(tag), attrs), children);
}

export function svg(tag, attrs, ...children) {
  return append(setAttrs(document.createElementNS(SVG_NS, tag), attrs), children);
}

// Links the page makes are same-origin paths it builds itself (see path())
// or http(s) URLs from articles (externalHref). Anything else would be a
// bug, so it is refused rather than written.
function checkedHref(href) {
  const s = String(href);
  if (s.startsWith("/") && !s.startsWith("//")) return s;
  if (s.startsWith("#")) return s;
  if (externalHref(s) === s) return s;
  throw new Error("dom.js: refusing link " + JSON.stringify(s.slice(0, 80)));
}

// An article's URL as a link target, or null unless it is an absolute
// http(s) URL (javascript:, data:, relative and malformed ones are dropped).
export function externalHref(url) {
  if (typeof url !== "string" || !/^https?:\/\//i.test(url)) return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

// A same-origin path from fixed segments and untrusted ones: path("story",
// id) is "/story/<id percent-encoded>"; `query` adds ?k=v pairs (skipping
// empty values).
export function path(segments, query) {
  let p = "/" + segments.map((s, i) => (i === 0 ? s : encodeURIComponent(String(s)))).join("/");
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== null && v !== undefined && v !== "") q.set(k, String(v));
  }
  const qs = q.toString();
  return qs ? p + "?" + qs : p;
}

export function plural(n, one, many) {
  return n + " " + (n === 1 ? one : many || one + "s");
}

// "2023-11-06".."2023-11-14" -> "6 Nov 2023 – 14 Nov 2023"; partial dates
// (YYYY, YYYY-MM) as far as they go; null -> "undated".
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
export function fmtDate(d) {
  if (typeof d !== "string" || d === "") return "undated";
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(d);
  if (!m) return d;
  const parts = [];
  if (m[3]) parts.push(String(Number(m[3])));
  if (m[2]) parts.push(MONTHS[Number(m[2]) - 1] || m[2]);
  parts.push(m[1]);
  return parts.join(" ");
}

export function fmtSpan(span) {
  if (!span || !span.first) return "undated";
  if (!span.last || span.last === span.first) return fmtDate(span.first);
  return fmtDate(span.first) + " – " + fmtDate(span.last);
}

// Search snippets mark matches as [word]; shown as <mark> without parsing
// any markup.
export function marked(text, tag) {
  const out = el(tag || "p", {class: "snippet"});
  const re = /\[([^\]]*)\]/g;
  let last = 0;
  let m;
  while ((m = re.exec(text)) !== null) {
    out.append(text.slice(last, m.index), el("mark", null, m[1]));
    last = re.lastIndex;
  }
  out.append(text.slice(last));
  return out;
}

export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}
