// A chart on the page (our SVG Gantt, a Recharts chart) saved as a PNG picture.
//
// The SVG is copied, and the styles the page gives it (MUI's and Recharts' class names, fonts
// inherited from the body) are written onto the copy, because an SVG drawn as an image sees
// no stylesheet of the page. The copy is drawn on a canvas at twice its size over white, which
// gives a crisp picture for slides and documents. Elements marked `data-png-skip` (handles,
// focus rings, previews) are left out.
import { saveBlob } from "../api/download";

const SVG_NS = "http://www.w3.org/2000/svg";
// Browsers refuse canvases much larger than this on a side.
const MAX_CANVAS_SIDE = 16_384;

/** What decides how an SVG element looks, and may come from a stylesheet or be inherited. */
const STYLE_PROPERTIES = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-opacity",
  "stroke-linecap",
  "stroke-linejoin",
  "opacity",
  "color",
  "visibility",
  "display",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "letter-spacing",
  "text-anchor",
  "dominant-baseline",
  "paint-order",
] as const;

export interface PngOptions {
  /** Canvas pixels per SVG unit. */
  scale?: number;
  background?: string;
  /** Drawn in rows under the chart: a legend the page keeps outside the SVG. */
  legend?: LegendItem[];
}

export interface LegendItem {
  color: string;
  label: string;
}

const LEGEND_ROW = 20;
const LEGEND_SWATCH = 10;
const LEGEND_GAP = 16;

/** Recharts draws its legend in HTML next to the SVG; the picture needs it read back. */
export function legendIn(container: Element): LegendItem[] {
  return Array.from(container.querySelectorAll(".recharts-legend-item")).flatMap((item) => {
    const label = item.querySelector(".recharts-legend-item-text")?.textContent?.trim() ?? "";
    const mark = item.querySelector("path, rect, circle, line");
    const fill = mark?.getAttribute("fill");
    const color = fill && fill !== "none" ? fill : (mark?.getAttribute("stroke") ?? "");
    return label !== "" && color !== "" ? [{ color, label }] : [];
  });
}

/** Rows of legend items that fit `width`, each item as its x offset and width. */
export function legendRows(
  items: LegendItem[],
  width: number,
  measure: (label: string) => number,
): { item: LegendItem; x: number }[][] {
  const rows: { item: LegendItem; x: number }[][] = [];
  let row: { item: LegendItem; x: number }[] = [];
  let x = 0;
  for (const item of items) {
    const itemWidth = LEGEND_SWATCH + 6 + measure(item.label);
    if (row.length > 0 && x + itemWidth > width) {
      rows.push(row);
      row = [];
      x = 0;
    }
    row.push({ item, x });
    x += itemWidth + LEGEND_GAP;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

function drawLegend(
  context: CanvasRenderingContext2D,
  items: LegendItem[],
  top: number,
  width: number,
  scale: number,
): void {
  const family = getComputedStyle(document.body).fontFamily || "sans-serif";
  context.font = `${12 * scale}px ${family}`;
  context.textBaseline = "middle";
  const rows = legendRows(items, width - 16, (label) => context.measureText(label).width / scale);
  rows.forEach((row, index) => {
    const middle = (top + index * LEGEND_ROW + LEGEND_ROW / 2) * scale;
    for (const { item, x } of row) {
      const left = (8 + x) * scale;
      context.fillStyle = item.color;
      context.fillRect(left, middle - (LEGEND_SWATCH / 2) * scale, LEGEND_SWATCH * scale, LEGEND_SWATCH * scale);
      context.fillStyle = "#212121";
      context.fillText(item.label, left + (LEGEND_SWATCH + 6) * scale, middle);
    }
  });
}

function legendHeight(items: LegendItem[] | undefined, width: number): number {
  if (items === undefined || items.length === 0) return 0;
  // An estimate at 7 px a character is enough to size the canvas; drawing measures exactly.
  return legendRows(items, width - 16, (label) => label.length * 7).length * LEGEND_ROW + 8;
}

interface Size {
  width: number;
  height: number;
}

function sizeOf(svg: SVGSVGElement): Size {
  const box = svg.getBoundingClientRect();
  if (box.width > 0 && box.height > 0) return { width: box.width, height: box.height };
  const width = Number.parseFloat(svg.getAttribute("width") ?? "");
  const height = Number.parseFloat(svg.getAttribute("height") ?? "");
  if (width > 0 && height > 0) return { width, height };
  const viewBox = svg.viewBox?.baseVal;
  return { width: viewBox?.width ?? 0, height: viewBox?.height ?? 0 };
}

/** The chart inside a container: its largest <svg>, not a legend's or a button's icon. */
export function chartSvgIn(container: Element): SVGSVGElement | null {
  const area = (svg: SVGSVGElement) => {
    const size = sizeOf(svg);
    return size.width * size.height;
  };
  const candidates = container instanceof SVGSVGElement ? [container] : [];
  candidates.push(...Array.from(container.querySelectorAll("svg")));
  return candidates.reduce<SVGSVGElement | null>(
    (best, svg) => (best === null || area(svg) > area(best) ? svg : best),
    null,
  );
}

function inlineStyles(source: Element, copy: Element): void {
  const computed = getComputedStyle(source);
  const style = (copy as SVGElement).style;
  for (const property of STYLE_PROPERTIES) {
    const value = computed.getPropertyValue(property);
    if (value !== "") style.setProperty(property, value);
  }
}

function fontFamilies(svg: SVGSVGElement): Set<string> {
  const families = new Set<string>();
  for (const text of [svg, ...Array.from(svg.querySelectorAll("text, tspan"))]) {
    for (const family of getComputedStyle(text).fontFamily.split(",")) {
      families.add(family.trim().replace(/^["']|["']$/g, "").toLowerCase());
    }
  }
  return families;
}

async function asDataUrl(url: string): Promise<string> {
  const blob = await (await fetch(url)).blob();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${url}`));
    reader.readAsDataURL(blob);
  });
}

/** The page's own web fonts the chart uses, embedded, for an image cannot load them itself.
 * Fonts installed on the machine need nothing. */
async function embeddedFontCss(svg: SVGSVGElement): Promise<string> {
  const used = fontFamilies(svg);
  const rules: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let cssRules: CSSRuleList;
    try {
      cssRules = sheet.cssRules;
    } catch {
      continue; // Another origin's stylesheet keeps its rules to itself.
    }
    for (const rule of Array.from(cssRules)) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      const family = rule.style.getPropertyValue("font-family").trim().replace(/^["']|["']$/g, "");
      if (!used.has(family.toLowerCase())) continue;
      let css = rule.cssText;
      for (const [, url] of css.matchAll(/url\(["']?([^"')]+)["']?\)/g)) {
        if (url === undefined || url.startsWith("data:")) continue;
        try {
          css = css.replace(url, await asDataUrl(new URL(url, sheet.href ?? document.baseURI).href));
        } catch {
          // Without the font the picture falls back to a system one; still worth having.
        }
      }
      rules.push(css);
    }
  }
  return rules.join("\n");
}

/** The SVG as a standalone document, styled as on the page, and the size it is drawn at. */
export async function serializeSvg(svg: SVGSVGElement): Promise<Size & { markup: string }> {
  const { width, height } = sizeOf(svg);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy);
  const sources = svg.querySelectorAll("*");
  const copies = copy.querySelectorAll("*");
  sources.forEach((source, index) => {
    const target = copies[index];
    if (target !== undefined) inlineStyles(source, target);
  });
  for (const skipped of Array.from(copy.querySelectorAll("[data-png-skip]"))) skipped.remove();
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  const fonts = await embeddedFontCss(svg);
  if (fonts !== "") {
    const style = document.createElementNS(SVG_NS, "style");
    style.textContent = fonts;
    copy.insertBefore(style, copy.firstChild);
  }
  let markup = new XMLSerializer().serializeToString(copy);
  // The serializer declares the namespace of an SVG from an HTML page; set by hand it would
  // come out twice, which no XML parser accepts. Only a stray copy without one gets it here.
  if (!/^<svg[^>]*\sxmlns=/.test(markup)) markup = markup.replace(/^<svg/, `<svg xmlns="${SVG_NS}"`);
  return { width, height, markup };
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error("The chart could not be drawn as an image"));
    image.src = url;
  });
}

export async function svgToPngBlob(svg: SVGSVGElement, options: PngOptions = {}): Promise<Blob> {
  const { width, height, markup } = await serializeSvg(svg);
  if (!(width > 0 && height > 0)) throw new Error("The chart has no size to draw");
  const legend = legendHeight(options.legend, width);
  const scale = Math.min(options.scale ?? 2, MAX_CANVAS_SIDE / Math.max(width, height + legend));
  const url = URL.createObjectURL(new Blob([markup], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const image = await loadImage(url);
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round((height + legend) * scale);
    const context = canvas.getContext("2d");
    if (context === null) throw new Error("This browser cannot draw on a canvas");
    context.fillStyle = options.background ?? "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, Math.round(width * scale), Math.round(height * scale));
    if (options.legend !== undefined && legend > 0) drawLegend(context, options.legend, height + 4, width, scale);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error("The picture could not be encoded"))),
        "image/png",
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves the chart inside `container` (or the container itself, when it is an <svg>). */
export async function downloadChartPng(
  container: Element,
  filename: string,
  options: PngOptions = {},
): Promise<void> {
  const svg = chartSvgIn(container);
  if (svg === null) throw new Error("There is no chart to save");
  const legend = options.legend ?? legendIn(container);
  saveBlob(await svgToPngBlob(svg, { ...options, legend }), filename);
}
