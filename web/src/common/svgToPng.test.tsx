import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { useRef } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PngExportButton } from "./PngExportButton";
import { chartSvgIn, legendIn, legendRows, serializeSvg } from "./svgToPng";

function mount(html: string): HTMLElement {
  const container = document.createElement("div");
  container.innerHTML = html;
  document.body.appendChild(container);
  return container;
}

afterEach(() => {
  document.body.innerHTML = "";
  document.head.querySelectorAll("style[data-test]").forEach((style) => style.remove());
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("chartSvgIn", () => {
  it("finds the chart, not a legend icon before it", () => {
    // Recharts' own markup: a legend icon and the chart's surface.
    const container = mount(`
      <div class="recharts-wrapper">
        <svg class="icon" width="14" height="14"></svg>
        <svg class="recharts-surface" width="640" height="300"></svg>
      </div>`);
    expect(chartSvgIn(container)?.getAttribute("class")).toBe("recharts-surface");
  });

  it("takes an <svg> given directly, and finds nothing in an empty container", () => {
    const container = mount(`<svg width="300" height="200"></svg>`);
    const svg = container.querySelector("svg") as SVGSVGElement;
    expect(chartSvgIn(svg)).toBe(svg);
    expect(chartSvgIn(mount("<p>no chart</p>"))).toBeNull();
  });
});

describe("legend", () => {
  it("reads Recharts' HTML legend: each entry's colour and words", () => {
    const container = mount(`
      <div class="recharts-wrapper">
        <svg class="recharts-surface" width="640" height="300"></svg>
        <div class="recharts-legend-wrapper"><ul>
          <li class="recharts-legend-item"><svg><path fill="#9fa8da" class="recharts-symbols"></path></svg>
            <span class="recharts-legend-item-text">План</span></li>
          <li class="recharts-legend-item"><svg><path fill="none" stroke="#3949ab"></path></svg>
            <span class="recharts-legend-item-text">Факт</span></li>
          <li class="recharts-legend-item"><svg></svg><span class="recharts-legend-item-text">?</span></li>
        </ul></div>
      </div>`);
    expect(legendIn(container)).toEqual([
      { color: "#9fa8da", label: "План" },
      { color: "#3949ab", label: "Факт" },
    ]);
  });

  it("wraps entries into rows that fit the picture's width", () => {
    const items = ["Площадка", "Кейтеринг", "Техника", "Декор"].map((label) => ({ color: "#000", label }));
    const rows = legendRows(items, 240, (label) => label.length * 10);
    expect(rows.map((row) => row.map(({ item }) => item.label))).toEqual([
      ["Площадка", "Кейтеринг"],
      ["Техника", "Декор"],
    ]);
    expect(rows[0]?.[1]?.x).toBe(10 + 6 + 80 + 16);
  });
});

describe("serializeSvg", () => {
  it("writes the page's styles onto the copy and leaves out what is only for editing", async () => {
    const style = document.createElement("style");
    style.dataset.test = "";
    style.textContent = ".bar { fill: rgb(211, 47, 47); } .label { font-weight: 700; }";
    document.head.appendChild(style);
    const container = mount(`
      <svg width="400" height="120" style="font-size: 12px">
        <rect class="bar" x="0" y="0" width="50" height="10"></rect>
        <text class="label" x="0" y="30">Бриф</text>
        <rect data-png-skip x="48" y="0" width="12" height="22"></rect>
      </svg>`);
    const svg = container.querySelector("svg") as SVGSVGElement;
    const { width, height, markup } = await serializeSvg(svg);
    expect([width, height]).toEqual([400, 120]);
    const copy = new DOMParser().parseFromString(markup, "image/svg+xml").documentElement;
    // A document of its own: an image parses it as XML, in the SVG namespace.
    expect(markup).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(copy.namespaceURI).toBe("http://www.w3.org/2000/svg");
    expect(copy.getAttribute("width")).toBe("400");
    expect(copy.querySelector(".bar")?.getAttribute("style")).toContain("fill: rgb(211, 47, 47)");
    expect(copy.querySelector(".label")?.getAttribute("style")).toContain("font-weight: 700");
    expect(copy.querySelector(".label")?.textContent).toBe("Бриф");
    expect(copy.querySelectorAll("rect")).toHaveLength(1);
    // The page's chart itself is untouched.
    expect(svg.querySelectorAll("rect")).toHaveLength(2);
    expect(svg.querySelector(".bar")?.getAttribute("style")).toBeNull();
  });
});

describe("PngExportButton", () => {
  function Chart() {
    const ref = useRef<HTMLDivElement>(null);
    return (
      <>
        <div ref={ref}>
          <svg width={320} height={100}>
            <rect width={10} height={10} />
          </svg>
        </div>
        <PngExportButton target={ref} filename="gantt.png" onError={onError} />
      </>
    );
  }
  const onError = vi.fn();

  it("draws the chart at twice its size over white and downloads it as PNG", async () => {
    // jsdom draws nothing: the canvas and the image are stood in for, to see what is asked of them.
    const drawn: { width: number; height: number; fills: string[] } = { width: 0, height: 0, fills: [] };
    const context = {
      fillStyle: "",
      fillRect: vi.fn(function (this: { fillStyle: string }) {
        drawn.fills.push(this.fillStyle);
      }),
      drawImage: vi.fn(),
    };
    vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockImplementation(function (this: HTMLCanvasElement) {
      drawn.width = this.width;
      drawn.height = this.height;
      return context as unknown as CanvasRenderingContext2D;
    } as unknown as HTMLCanvasElement["getContext"]);
    vi.spyOn(HTMLCanvasElement.prototype, "toBlob").mockImplementation((callback) =>
      callback(new Blob(["png"], { type: "image/png" })),
    );
    let svgMarkup: Blob | null = null;
    vi.stubGlobal(
      "URL",
      Object.assign(URL, {
        createObjectURL: vi.fn((blob: Blob) => {
          if (blob.type.startsWith("image/svg")) svgMarkup = blob;
          return "blob:test";
        }),
        revokeObjectURL: vi.fn(),
      }),
    );
    vi.stubGlobal(
      "Image",
      class {
        onload: (() => void) | null = null;
        set src(_url: string) {
          setTimeout(() => this.onload?.(), 0);
        }
      },
    );
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });

    render(<Chart />);
    fireEvent.click(screen.getByRole("button", { name: "Диаграмма (.png)" }));
    await waitFor(() => expect(clicked).toEqual(["gantt.png"]));
    expect([drawn.width, drawn.height]).toEqual([640, 200]);
    expect(drawn.fills).toEqual(["#ffffff"]);
    expect(context.drawImage).toHaveBeenCalledWith(expect.anything(), 0, 0, 640, 200);
    expect(await (svgMarkup as Blob | null)?.text()).toContain("<rect");
    expect(onError).not.toHaveBeenCalled();
  });

  it("says in words when the browser cannot draw the picture", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.stubGlobal(
      "URL",
      Object.assign(URL, { createObjectURL: vi.fn(() => "blob:test"), revokeObjectURL: vi.fn() }),
    );
    vi.stubGlobal(
      "Image",
      class {
        onerror: (() => void) | null = null;
        set src(_url: string) {
          setTimeout(() => this.onerror?.(), 0);
        }
      },
    );
    render(<Chart />);
    fireEvent.click(screen.getByRole("button", { name: "Диаграмма (.png)" }));
    await waitFor(() => expect(onError).toHaveBeenCalled());
    expect(String(onError.mock.calls[0]?.[0])).toContain("Не удалось сохранить диаграмму");
    expect(screen.getByRole("button", { name: "Диаграмма (.png)" })).toBeEnabled();
  });
});
