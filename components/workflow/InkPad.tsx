"use client";

import { useEffect, useRef } from "react";
import { useT } from "@/components/i18n/I18nProvider";
import { INK_ASPECT, INK_LIMITS } from "@/lib/core/workflow/ink";
import type { InkStroke } from "@/lib/core/export/issue-form";

/**
 * A small pad to sign on by hand (finger, stylus or mouse, through Pointer Events), beside the
 * typed opinion. Strokes go up as [x, y, pressure] in 0..1 of the pad, so any screen draws alike.
 */
export function InkPad({ id, ink, onInk }: { id: string; ink: InkStroke[]; onInk: (ink: InkStroke[]) => void }) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const current = useRef<InkStroke | null>(null);
  const strokes = useRef<InkStroke[]>(ink);

  const redraw = () => {
    const c = canvas.current;
    const ctx = c?.getContext("2d");
    if (!c || !ctx) return;
    ctx.clearRect(0, 0, c.width, c.height);
    ctx.strokeStyle = "#1a1a1a";
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    for (const s of [...strokes.current, ...(current.current ? [current.current] : [])]) {
      for (let i = 0; i < s.length; i++) {
        const [x0, y0] = s[Math.max(0, i - 1)];
        const [x1, y1, p] = s[i];
        ctx.lineWidth = 1.5 + 3 * p;
        ctx.beginPath();
        ctx.moveTo(x0 * c.width, y0 * c.height);
        ctx.lineTo(x1 * c.width + (i ? 0 : 0.01), y1 * c.height);
        ctx.stroke();
      }
    }
  };
  useEffect(() => {
    strokes.current = ink;
    redraw();
  }, [ink]);

  const pointOf = (e: React.PointerEvent<HTMLCanvasElement>): [number, number, number] => {
    const r = e.currentTarget.getBoundingClientRect();
    const clamp = (v: number) => Math.min(1, Math.max(0, v));
    // A mouse reports 0.5 while pressed; a finger often reports 0 or 1: either is a plain line.
    const pressure = e.pointerType === "pen" && e.pressure > 0 ? e.pressure : 0.5;
    return [clamp((e.clientX - r.left) / r.width), clamp((e.clientY - r.top) / r.height), clamp(pressure)];
  };
  const total = () => strokes.current.reduce((n, s) => n + s.length, 0) + (current.current?.length ?? 0);

  return (
    <div>
      <label htmlFor={id} className="block text-sm">{t("flow.ink")}</label>
      <canvas id={id} ref={canvas} width={600} height={600 / INK_ASPECT} data-testid="ink-pad" role="img" aria-label={t("flow.inkPad", { count: ink.length })}
        className="mt-1 block w-full touch-none rounded border border-stone-400 bg-amber-50" style={{ aspectRatio: `${INK_ASPECT} / 1` }}
        onPointerDown={(e) => {
          if (strokes.current.length >= INK_LIMITS.strokes) return;
          // Keeps the stroke when a finger runs past the edge (absent for a pointer the browser no longer tracks).
          try { e.currentTarget.setPointerCapture(e.pointerId); } catch { /* the stroke goes on without capture */ }
          current.current = [pointOf(e)];
          redraw();
        }}
        onPointerMove={(e) => {
          if (!current.current || total() >= INK_LIMITS.points || current.current.length >= INK_LIMITS.pointsPerStroke) return;
          current.current.push(pointOf(e));
          redraw();
        }}
        onPointerUp={() => {
          if (!current.current) return;
          const done = [...strokes.current, current.current];
          current.current = null;
          onInk(done);
        }}
        onPointerCancel={() => {
          current.current = null;
          redraw();
        }} />
      <div className="mt-1 flex items-center gap-3 text-xs text-stone-600">
        <button type="button" className="underline" onClick={() => onInk([])} disabled={!ink.length}>{t("flow.inkClear")}</button>
        <span>{t("flow.inkHelp")}</span>
      </div>
    </div>
  );
}
