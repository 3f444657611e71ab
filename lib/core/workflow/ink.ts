// The handwritten mark (签批) sent with a 核稿 or 签发 step: vector strokes, each a list of
// [x, y, pressure] with x and y in 0..1 of the canvas (so any screen size draws the same).
import { z } from "zod";
import type { InkStroke } from "../export/issue-form";

export const INK_LIMITS = { strokes: 64, pointsPerStroke: 1000, points: 4000 } as const;
/** The canvas's width to height: the PDF and the 流转记录 keep the mark's proportions. */
export const INK_ASPECT = 3;

const unit = z.number({ error: "input.inkInvalid" }).finite("input.inkInvalid").min(0, "input.inkInvalid").max(1, "input.inkInvalid");
const point = z.tuple([unit, unit, unit], { error: "input.inkInvalid" });
const stroke = z.array(point, { error: "input.inkInvalid" }).min(1, "input.inkInvalid").max(INK_LIMITS.pointsPerStroke, "input.inkTooLarge");

export const inkSchema = z
  .array(stroke, { error: "input.inkInvalid" })
  .max(INK_LIMITS.strokes, "input.inkTooLarge")
  .refine((s) => s.reduce((n, k) => n + k.length, 0) <= INK_LIMITS.points, { message: "input.inkTooLarge" });

/** Coordinates to 3 decimals: a thousandth of the canvas is finer than a pen, and it keeps the stored JSON small. */
export function roundInk(ink: InkStroke[]): InkStroke[] {
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return ink.map((s) => s.map(([x, y, p]) => [r(x), r(y), r(p)] as [number, number, number]));
}

/** The strokes as an SVG path (viewBox 0 0 300 100): one subpath per stroke. */
export function inkPath(ink: InkStroke[]): string {
  const w = 100 * INK_ASPECT;
  return ink
    .map((s) => (s.length === 1 ? [s[0], s[0]] : s).map(([x, y], i) => `${i ? "L" : "M"}${(x * w).toFixed(1)} ${(y * 100).toFixed(1)}`).join(""))
    .join("");
}
