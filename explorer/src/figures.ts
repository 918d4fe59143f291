// Any drawing of the page saved as a file: SVG (scalable, editable in a drawing program)
// and PNG (for a slide or a message). The page's CSS does not travel with a saved SVG, so
// each element's computed look is written into it; the PNG is that SVG drawn at twice the
// size. The network, drawn by cytoscape on a canvas, gives its own PNG and an SVG made
// from its nodes' places (network.ts).

import { el } from "./dom";

const SVG_NS = "http://www.w3.org/2000/svg";
// What a saved drawing needs of each element's computed style to look as on the page.
const LOOK = ["fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "opacity", "font-family", "font-size", "font-weight", "text-anchor", "dominant-baseline"];

export interface Drawing {
  svg: () => string;
  png: () => Promise<Blob>;
}

/** Two buttons that save `drawing` as `<name>.svg` and `<name>.png`. */
export function saveButtons(name: string, drawing: Drawing): HTMLElement {
  return el(
    "div",
    { class: "save-drawing", role: "group", "aria-label": "Save the drawing" },
    el("button", { type: "button", class: "save-svg", onclick: () => save(`${name}.svg`, new Blob([drawing.svg()], { type: "image/svg+xml" })) }, "Save as SVG"),
    el("button", { type: "button", class: "save-png", onclick: () => void drawing.png().then((blob) => save(`${name}.png`, blob)) }, "Save as PNG"),
  );
}

/** A drawing made of an SVG element on the page, with its look written in. */
export function svgDrawing(source: SVGSVGElement): Drawing {
  const svg = (): string => standalone(source);
  return { svg, png: () => rasterised(svg(), source.viewBox.baseVal.width || source.clientWidth, source.viewBox.baseVal.height || source.clientHeight) };
}

function standalone(source: SVGSVGElement): string {
  const copy = source.cloneNode(true) as SVGSVGElement;
  const from = [source, ...source.querySelectorAll("*")];
  const to = [copy, ...copy.querySelectorAll("*")];
  from.forEach((original, n) => {
    const target = to[n];
    if (!target) return;
    const look = getComputedStyle(original);
    target.setAttribute("style", LOOK.map((p) => `${p}:${look.getPropertyValue(p)}`).join(";"));
  });
  copy.setAttribute("xmlns", SVG_NS);
  const box = source.viewBox.baseVal;
  if (box.width) {
    copy.setAttribute("width", String(box.width));
    copy.setAttribute("height", String(box.height));
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** `svg` drawn on a white canvas at twice `width` by `height`, as PNG. */
export async function rasterised(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * 2);
    canvas.height = Math.round(height * 2);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("this browser cannot draw a PNG");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((done, fail) => canvas.toBlob((blob) => (blob ? done(blob) : fail(new Error("no PNG made"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function save(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
