// WCAG 2 contrast of every piece of visible text on the page against the background it is drawn
// on (semi-transparent backgrounds blended up the tree, white at the bottom). Returns the texts
// below AA: 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold). Used by tests/browser/test_site.py.
() => {
  const parse = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const luminance = (rgb) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(rgb[0]) + 0.7152 * f(rgb[1]) + 0.0722 * f(rgb[2]);
  };
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let colour = [255, 255, 255];
    for (const c of layers.reverse()) colour = colour.map((v, i) => c[3] * c[i] + (1 - c[3]) * v);
    return colour;
  };
  const failing = [], seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!walker.currentNode.textContent.trim() || seen.has(el)) continue;
    seen.add(el);
    const style = getComputedStyle(el), box = el.getBoundingClientRect();
    if (style.visibility === "hidden" || !box.width || !box.height) continue;
    if (box.right < 0 || box.bottom < 0) continue;  // parked off screen until focused (skip link)
    const fg = parse(style.color), bg = background(el);
    const drawn = fg.slice(0, 3).map((v, i) => fg[3] * v + (1 - fg[3]) * bg[i]);
    const [a, b] = [luminance(drawn), luminance(bg)];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (parseInt(style.fontWeight, 10) >= 700 && size >= 18.66);
    if (ratio < (large ? 3 : 4.5)) {
      failing.push(`${ratio.toFixed(2)}:1 <${el.tagName.toLowerCase()} class="${el.className}"> ` +
                   `"${el.textContent.trim().slice(0, 30)}" ${style.color} on rgb(${bg.map(Math.round)})`);
    }
  }
  return failing;
}
