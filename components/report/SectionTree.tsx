"use client";

import { useState, useTransition, type DragEvent, type KeyboardEvent } from "react";
import { useRouter } from "next/navigation";
import { addSectionAction, assignOwnerAction, deleteSectionAction, moveSectionAction } from "@/app/actions/sections";
import { useT } from "@/components/i18n/I18nProvider";
import { AddSectionForm, SectionBlock, type TreeControls } from "./SectionBlock";
import { keyboardMove, type Move, type TreeNode } from "./tree-moves";

export type { TreeNode } from "./tree-moves";

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

  const controls: TreeControls = {
    reportId, nodes, drafters, runInBold, pending, dragId, confirmDelete, onKey, onDrop, move,
    onDragStart: (node) => setDragId(node.id),
    assign: (node, ownerId) => run(() => assignOwnerAction({ sectionId: node.id, ownerId })),
    addChild: (node) => setAdding(node.id),
    askDelete: setConfirmDelete,
    remove: (node) => run(async () => (setConfirmDelete(null), deleteSectionAction({ sectionId: node.id }))),
  };
  const addForm = (parentId: string | null, key: string) => (
    <AddSectionForm heading={newHeading} onHeading={setNewHeading} pending={pending} onAdd={() => add(parentId)} onCancel={() => setAdding(null)} cancelKey={key} />
  );

  return (
    <div className="space-y-3">
      <p role="status" aria-live="polite" className={message ? "rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" : "sr-only"}>
        {message ?? ""}
      </p>
      {nodes.map((node) => (
        <SectionBlock key={node.id} node={node} c={controls} beside={beside?.[node.id]} addForm={adding === node.id ? addForm(node.id, node.id) : null} />
      ))}
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
