"use client";

import { useState, useTransition, type DragEvent, type KeyboardEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { addSectionAction, assignOwnerAction, deleteSectionAction, moveSectionAction } from "@/app/actions/sections";
import type { ParagraphView } from "@/lib/core/text/paragraphs";
import { useT } from "@/components/i18n/I18nProvider";
import { BodyText } from "./BodyText";

export interface TreeNode {
  id: string;
  parentId: string | null;
  depth: number;
  label: string;
  heading: string;
  kind: string;
  /** the heading runs in with the first paragraph */
  runIn: boolean;
  paragraphs: ParagraphView[];
  ownerId: string | null;
  ownerName: string | null;
  statusLabel: string;
  chars: number;
  canEdit: boolean;
  /** move, promote, demote, delete (the policy's changeStructure for this section) */
  canMove: boolean;
  /** add sub-sections under it (the policy's addChild) */
  canAddChild: boolean;
  canAssign: boolean;
}

interface Props {
  reportId: string;
  nodes: TreeNode[];
  /** add sections (the report's changeStructure) */
  canStructure: boolean;
  drafters: { id: string; name: string }[];
  runInBold: boolean;
  /** rendered inside the 一、 block: last year's plans */
  beside?: Record<string, React.ReactNode>;
}

type Move = { parentId: string | null; position: number };

/** Where a keyboard move sends a section, computed from the visible tree; the server checks it again. */
function keyboardMove(nodes: TreeNode[], node: TreeNode, key: "up" | "down" | "out" | "in"): Move | null {
  const siblings = nodes.filter((n) => n.parentId === node.parentId);
  const i = siblings.findIndex((n) => n.id === node.id);
  const introFirst = siblings[0]?.kind === "intro" ? 1 : 0;
  if (key === "up") return i > introFirst ? { parentId: node.parentId, position: i - 1 } : null;
  if (key === "down") return i < siblings.length - 1 ? { parentId: node.parentId, position: i + 1 } : null;
  if (key === "out") {
    const parent = nodes.find((n) => n.id === node.parentId);
    if (!parent) return null;
    const parentSiblings = nodes.filter((n) => n.parentId === parent.parentId);
    return { parentId: parent.parentId, position: parentSiblings.findIndex((n) => n.id === parent.id) + 1 };
  }
  const prev = siblings[i - 1];
  if (!prev || prev.kind === "intro") return null;
  return { parentId: prev.id, position: nodes.filter((n) => n.parentId === prev.id).length };
}

export function SectionTree({ reportId, nodes, canStructure, drafters, runInBold, beside }: Props) {
  const t = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const [adding, setAdding] = useState<string | "top" | null>(null);
  const [newHeading, setNewHeading] = useState("");
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [dragId, setDragId] = useState<string | null>(null);

  const run = (fn: () => Promise<{ ok: boolean; error?: string }>) =>
    start(async () => {
      setMessage(null);
      const r = await fn();
      if (!r.ok) setMessage(r.error ?? t("tree.failed"));
      router.refresh();
    });
  const move = (node: TreeNode, to: Move | null) => {
    if (to) run(() => moveSectionAction({ sectionId: node.id, ...to }));
  };
  const onKey = (e: KeyboardEvent, node: TreeNode) => {
    if (!node.canMove || !e.altKey) return;
    const key = ({ ArrowUp: "up", ArrowDown: "down", ArrowLeft: "out", ArrowRight: "in" } as const)[e.key as "ArrowUp"];
    if (!key) return;
    e.preventDefault();
    move(node, keyboardMove(nodes, node, key));
  };
  const onDrop = (e: DragEvent, target: TreeNode) => {
    e.preventDefault();
    const dragged = nodes.find((n) => n.id === dragId);
    setDragId(null);
    if (!dragged || dragged.id === target.id || target.kind === "intro") return;
    // Dropped on a section: take its place (it and those after it move down).
    const siblings = nodes.filter((n) => n.parentId === target.parentId && n.id !== dragged.id);
    move(dragged, { parentId: target.parentId, position: siblings.findIndex((n) => n.id === target.id) });
  };
  const add = (parentId: string | null) =>
    run(async () => {
      const r = await addSectionAction({ reportId, parentId, heading: newHeading });
      if (r.ok) {
        setAdding(null);
        setNewHeading("");
      }
      return r;
    });

  const addForm = (parentId: string | null, key: string) => (
    <form className="mt-3 flex flex-wrap items-end gap-2" onSubmit={(e) => (e.preventDefault(), add(parentId))}>
      <label className="text-sm">
        {t("tree.newHeading")}
        <input autoFocus value={newHeading} onChange={(e) => setNewHeading(e.target.value)}
          className="ml-2 rounded border border-stone-300 px-2 py-1" aria-label={t("tree.newHeading")} />
      </label>
      <button type="submit" disabled={pending} className="rounded bg-red-800 px-3 py-1 text-sm text-white">{t("tree.add")}</button>
      <button type="button" className="text-sm underline" onClick={() => setAdding(null)} key={key}>{t("cancel")}</button>
    </form>
  );

  return (
    <div className="space-y-3">
      <p role="status" aria-live="polite" className={message ? "rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" : "sr-only"}>
        {message ?? ""}
      </p>
      {nodes.map((node) => {
        const title = node.kind === "intro" ? t("intro") : `${node.label}${node.heading}`;
        const Heading = `h${Math.min(node.depth + 1, 6)}` as "h2";
        const controls = node.canMove;
        return (
          <section
            key={node.id}
            aria-label={title}
            tabIndex={controls ? 0 : undefined}
            onKeyDown={(e) => onKey(e, node)}
            draggable={controls}
            onDragStart={() => setDragId(node.id)}
            onDragOver={(e) => controls && dragId && e.preventDefault()}
            onDrop={(e) => onDrop(e, node)}
            data-testid="section-block"
            className={`rounded-lg bg-white p-5 shadow-sm outline-none focus-visible:ring-2 focus-visible:ring-red-700/40 ${dragId === node.id ? "opacity-50" : ""}`}
            style={{ marginLeft: `${(node.depth - 1) * 1.5}rem` }}
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <Heading className={`doc-text ${node.depth === 1 ? "text-lg font-bold" : "font-semibold"}`}>
                {title}
                {node.runIn ? <span className="font-normal">{node.paragraphs[0].text}</span> : null}
              </Heading>
              <div className="flex flex-wrap items-center gap-2 text-xs text-stone-500">
                <span>{node.chars} {t("charCount")}</span>
                <span>·</span>
                {node.canAssign ? (
                  <label>
                    {t("owner")}
                    <select value={node.ownerId ?? ""} disabled={pending} aria-label={t("tree.ownerOf", { title })}
                      onChange={(e) => run(() => assignOwnerAction({ sectionId: node.id, ownerId: e.target.value || null }))}
                      className="ml-1 rounded border border-stone-300 px-1 py-0.5 text-xs text-stone-800">
                      <option value="">{t("noOwner")}</option>
                      {drafters.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
                    </select>
                  </label>
                ) : (
                  <span>{t("tree.ownerIs", { name: node.ownerName ?? t("noOwner") })}</span>
                )}
                <span>·</span>
                <span>{node.statusLabel}</span>
                {node.canEdit ? (
                  <Link href={`/reports/${reportId}/sections/${node.id}`} className="rounded border border-red-800 px-2 py-0.5 text-red-800 hover:bg-red-50"
                    aria-label={t("tree.editLabel", { title })}>
                    {t("tree.edit")}
                  </Link>
                ) : (
                  // Everyone who reads the report can open a section: its comments, history and review.
                  <Link href={`/reports/${reportId}/sections/${node.id}`} className="rounded border border-stone-400 px-2 py-0.5 text-stone-700 hover:bg-stone-50"
                    aria-label={t("tree.viewLabel", { title })}>
                    {t("tree.view")}
                  </Link>
                )}
              </div>
            </div>
            <BodyText paragraphs={node.runIn ? node.paragraphs.slice(1) : node.paragraphs} bold={runInBold} className="mt-2" />
            {beside?.[node.id]}
            {controls || node.canAddChild ? (
              <div className="mt-3 flex flex-wrap gap-1 text-xs" aria-label={t("tree.structureOf", { title })}>
                {(
                  [
                    ["up", t("tree.up")],
                    ["down", t("tree.down")],
                    ["out", t("tree.out")],
                    ["in", t("tree.in")],
                  ] as const
                ).filter(() => controls).map(([key, word]) => (
                  <button key={key} type="button" disabled={pending || !keyboardMove(nodes, node, key)}
                    onClick={() => move(node, keyboardMove(nodes, node, key))} aria-label={t("tree.moveLabel", { word, title })}
                    className="rounded border border-stone-300 px-2 py-0.5 hover:bg-stone-50 disabled:opacity-40">
                    {word}
                  </button>
                ))}
                {node.canAddChild && node.depth < 4 ? (
                  <button type="button" onClick={() => setAdding(node.id)} aria-label={t("tree.addChildLabel", { title })}
                    className="rounded border border-stone-300 px-2 py-0.5 hover:bg-stone-50">
                    {t("tree.addChild")}
                  </button>
                ) : null}
                {!controls ? null : confirmDelete === node.id ? (
                  <span className="flex items-center gap-1">
                    <span>{t("tree.deleteConfirm", { title })}</span>
                    <button type="button" className="rounded bg-red-800 px-2 py-0.5 text-white"
                      onClick={() => run(async () => (setConfirmDelete(null), deleteSectionAction({ sectionId: node.id })))}>
                      {t("tree.deleteYes")}
                    </button>
                    <button type="button" className="underline" onClick={() => setConfirmDelete(null)}>{t("cancel")}</button>
                  </span>
                ) : (
                  <button type="button" onClick={() => setConfirmDelete(node.id)} aria-label={t("tree.deleteLabel", { title })}
                    className="rounded border border-stone-300 px-2 py-0.5 text-red-800 hover:bg-red-50">
                    {t("tree.delete")}
                  </button>
                )}
              </div>
            ) : null}
            {adding === node.id ? addForm(node.id, node.id) : null}
          </section>
        );
      })}
      {canStructure ? (
        adding === "top" ? addForm(null, "top") : (
          <button type="button" onClick={() => setAdding("top")} className="rounded border border-dashed border-stone-400 px-3 py-2 text-sm hover:bg-white">
            {t("tree.addTop")}
          </button>
        )
      ) : null}
    </div>
  );
}
