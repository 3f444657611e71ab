"use client";

import { useState, useTransition, type DragEvent, type KeyboardEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { addSectionAction, assignOwnerAction, deleteSectionAction, moveSectionAction } from "@/app/actions/sections";
import type { ParagraphView } from "@/lib/sections/paragraphs";
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
}

interface Props {
  reportId: string;
  nodes: TreeNode[];
  canStructure: boolean;
  canAssign: boolean;
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

export function SectionTree({ reportId, nodes, canStructure, canAssign, drafters, runInBold, beside }: Props) {
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
      if (!r.ok) setMessage(r.error ?? "操作失败。");
      router.refresh();
    });
  const move = (node: TreeNode, to: Move | null) => {
    if (to) run(() => moveSectionAction({ sectionId: node.id, ...to }));
  };
  const onKey = (e: KeyboardEvent, node: TreeNode) => {
    if (!canStructure || !e.altKey) return;
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
        新章节标题
        <input autoFocus value={newHeading} onChange={(e) => setNewHeading(e.target.value)}
          className="ml-2 rounded border border-stone-300 px-2 py-1" aria-label="新章节标题" />
      </label>
      <button type="submit" disabled={pending} className="rounded bg-red-800 px-3 py-1 text-sm text-white">添加</button>
      <button type="button" className="text-sm underline" onClick={() => setAdding(null)} key={key}>取消</button>
    </form>
  );

  return (
    <div className="space-y-3">
      <p role="status" aria-live="polite" className={message ? "rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" : "sr-only"}>
        {message ?? ""}
      </p>
      {nodes.map((node) => {
        const title = node.kind === "intro" ? "导语" : `${node.label}${node.heading}`;
        const Heading = `h${Math.min(node.depth + 1, 6)}` as "h2";
        const controls = canStructure && node.kind !== "intro";
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
                <span>{node.chars} 字</span>
                <span>·</span>
                {canAssign && node.kind !== "intro" ? (
                  <label>
                    负责人
                    <select value={node.ownerId ?? ""} disabled={pending} aria-label={`${title} 的负责人`}
                      onChange={(e) => run(() => assignOwnerAction({ sectionId: node.id, ownerId: e.target.value || null }))}
                      className="ml-1 rounded border border-stone-300 px-1 py-0.5 text-xs text-stone-800">
                      <option value="">未分配</option>
                      {drafters.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
                    </select>
                  </label>
                ) : (
                  <span>负责人：{node.ownerName ?? "未分配"}</span>
                )}
                <span>·</span>
                <span>{node.statusLabel}</span>
                {node.canEdit ? (
                  <Link href={`/reports/${reportId}/sections/${node.id}`} className="rounded border border-red-800 px-2 py-0.5 text-red-800 hover:bg-red-50"
                    aria-label={`编辑 ${title}`}>
                    编辑
                  </Link>
                ) : null}
              </div>
            </div>
            <BodyText paragraphs={node.runIn ? node.paragraphs.slice(1) : node.paragraphs} bold={runInBold} className="mt-2" />
            {beside?.[node.id]}
            {controls ? (
              <div className="mt-3 flex flex-wrap gap-1 text-xs" aria-label={`${title} 的结构操作`}>
                {(
                  [
                    ["up", "上移"],
                    ["down", "下移"],
                    ["out", "升级"],
                    ["in", "降级"],
                  ] as const
                ).map(([key, word]) => (
                  <button key={key} type="button" disabled={pending || !keyboardMove(nodes, node, key)}
                    onClick={() => move(node, keyboardMove(nodes, node, key))} aria-label={`${word} ${title}`}
                    className="rounded border border-stone-300 px-2 py-0.5 hover:bg-stone-50 disabled:opacity-40">
                    {word}
                  </button>
                ))}
                {node.depth < 4 ? (
                  <button type="button" onClick={() => setAdding(node.id)} aria-label={`在 ${title} 下添加子章节`}
                    className="rounded border border-stone-300 px-2 py-0.5 hover:bg-stone-50">
                    添加子章节
                  </button>
                ) : null}
                {confirmDelete === node.id ? (
                  <span className="flex items-center gap-1">
                    <span>删除“{title}”及其下级章节？可在“已删除的章节”中恢复。</span>
                    <button type="button" className="rounded bg-red-800 px-2 py-0.5 text-white"
                      onClick={() => run(async () => (setConfirmDelete(null), deleteSectionAction({ sectionId: node.id })))}>
                      确认删除
                    </button>
                    <button type="button" className="underline" onClick={() => setConfirmDelete(null)}>取消</button>
                  </span>
                ) : (
                  <button type="button" onClick={() => setConfirmDelete(node.id)} aria-label={`删除 ${title}`}
                    className="rounded border border-stone-300 px-2 py-0.5 text-red-800 hover:bg-red-50">
                    删除
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
            添加一级章节
          </button>
        )
      ) : null}
    </div>
  );
}
