"use client";

// One section of the report page's tree (components/report/SectionTree.tsx): its heading,
// who owns it and where it stands, its text, and the buttons that move, add and delete.
import type { DragEvent, KeyboardEvent, ReactNode } from "react";
import Link from "next/link";
import { useT } from "@/components/i18n/I18nProvider";
import { BodyText } from "./BodyText";
import { keyboardMove, type Move, type TreeNode } from "./tree-moves";

/** What every block shares: the tree's state and the actions on it. */
export interface TreeControls {
  reportId: string;
  nodes: TreeNode[];
  drafters: { id: string; name: string }[];
  runInBold: boolean;
  pending: boolean;
  dragId: string | null;
  /** the section whose deletion waits for a second click */
  confirmDelete: string | null;
  onKey: (e: KeyboardEvent, node: TreeNode) => void;
  onDragStart: (node: TreeNode) => void;
  onDrop: (e: DragEvent, node: TreeNode) => void;
  move: (node: TreeNode, to: Move | null) => void;
  assign: (node: TreeNode, ownerId: string | null) => void;
  addChild: (node: TreeNode) => void;
  askDelete: (id: string | null) => void;
  remove: (node: TreeNode) => void;
}

export function SectionBlock({ node, c, beside, addForm }: { node: TreeNode; c: TreeControls; beside?: ReactNode; addForm?: ReactNode }) {
  const t = useT();
  const title = node.kind === "intro" ? t("intro") : `${node.label}${node.heading}`;
  const Heading = `h${Math.min(node.depth + 1, 6)}` as "h2";
  const controls = node.canMove;
  return (
    <section
      aria-label={title}
      tabIndex={controls ? 0 : undefined}
      onKeyDown={(e) => c.onKey(e, node)}
      draggable={controls}
      onDragStart={() => c.onDragStart(node)}
      onDragOver={(e) => controls && c.dragId && e.preventDefault()}
      onDrop={(e) => c.onDrop(e, node)}
      data-testid="section-block"
      className={`rounded-lg bg-white p-5 shadow-sm outline-none focus-visible:ring-2 focus-visible:ring-red-700/40 ${c.dragId === node.id ? "opacity-50" : ""}`}
      style={{ marginLeft: `${(node.depth - 1) * 1.5}rem` }}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Heading className={`doc-text ${node.depth === 1 ? "text-lg font-bold" : "font-semibold"}`}>
          {title}
          {node.runIn ? <span className="font-normal">{node.paragraphs[0].text}</span> : null}
        </Heading>
        <SectionFacts node={node} title={title} c={c} />
      </div>
      <BodyText paragraphs={node.runIn ? node.paragraphs.slice(1) : node.paragraphs} bold={c.runInBold} className="mt-2" />
      {beside}
      {controls || node.canAddChild ? <StructureButtons node={node} title={title} c={c} /> : null}
      {addForm}
    </section>
  );
}

/** Its length, its owner (a choice for who may assign), its status, and the link to edit or to read it. */
function SectionFacts({ node, title, c }: { node: TreeNode; title: string; c: TreeControls }) {
  const t = useT();
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-stone-500">
      <span>{node.chars} {t("charCount")}</span>
      <span>·</span>
      {node.canAssign ? (
        <label>
          {t("owner")}
          <select value={node.ownerId ?? ""} disabled={c.pending} aria-label={t("tree.ownerOf", { title })}
            onChange={(e) => c.assign(node, e.target.value || null)}
            className="ml-1 rounded border border-stone-300 px-1 py-0.5 text-xs text-stone-800">
            <option value="">{t("noOwner")}</option>
            {c.drafters.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </label>
      ) : (
        <span>{t("tree.ownerIs", { name: node.ownerName ?? t("noOwner") })}</span>
      )}
      <span>·</span>
      <span>{node.statusLabel}</span>
      {node.canEdit ? (
        <Link href={`/reports/${c.reportId}/sections/${node.id}`} className="rounded border border-red-800 px-2 py-0.5 text-red-800 hover:bg-red-50"
          aria-label={t("tree.editLabel", { title })}>
          {t("tree.edit")}
        </Link>
      ) : (
        // Everyone who reads the report can open a section: its comments, history and review.
        <Link href={`/reports/${c.reportId}/sections/${node.id}`} className="rounded border border-stone-400 px-2 py-0.5 text-stone-700 hover:bg-stone-50"
          aria-label={t("tree.viewLabel", { title })}>
          {t("tree.view")}
        </Link>
      )}
    </div>
  );
}

/** 上移, 下移, 升级, 降级 (for who may change the structure), 添加子章节, and 删除 with a second click. */
function StructureButtons({ node, title, c }: { node: TreeNode; title: string; c: TreeControls }) {
  const t = useT();
  const controls = node.canMove;
  return (
    <div className="mt-3 flex flex-wrap gap-1 text-xs" aria-label={t("tree.structureOf", { title })}>
      {(
        [
          ["up", t("tree.up")],
          ["down", t("tree.down")],
          ["out", t("tree.out")],
          ["in", t("tree.in")],
        ] as const
      ).filter(() => controls).map(([key, word]) => (
        <button key={key} type="button" disabled={c.pending || !keyboardMove(c.nodes, node, key)}
          onClick={() => c.move(node, keyboardMove(c.nodes, node, key))} aria-label={t("tree.moveLabel", { word, title })}
          className="rounded border border-stone-300 px-2 py-0.5 hover:bg-stone-50 disabled:opacity-40">
          {word}
        </button>
      ))}
      {node.canAddChild && node.depth < 4 ? (
        <button type="button" onClick={() => c.addChild(node)} aria-label={t("tree.addChildLabel", { title })}
          className="rounded border border-stone-300 px-2 py-0.5 hover:bg-stone-50">
          {t("tree.addChild")}
        </button>
      ) : null}
      {!controls ? null : c.confirmDelete === node.id ? (
        <span className="flex items-center gap-1">
          <span>{t("tree.deleteConfirm", { title })}</span>
          <button type="button" className="rounded bg-red-800 px-2 py-0.5 text-white" onClick={() => c.remove(node)}>
            {t("tree.deleteYes")}
          </button>
          <button type="button" className="underline" onClick={() => c.askDelete(null)}>{t("cancel")}</button>
        </span>
      ) : (
        <button type="button" onClick={() => c.askDelete(node.id)} aria-label={t("tree.deleteLabel", { title })}
          className="rounded border border-stone-300 px-2 py-0.5 text-red-800 hover:bg-red-50">
          {t("tree.delete")}
        </button>
      )}
    </div>
  );
}

/** A new section's heading, and 添加 or 取消. */
export function AddSectionForm({ heading, onHeading, pending, onAdd, onCancel, cancelKey }: {
  heading: string;
  onHeading: (heading: string) => void;
  pending: boolean;
  onAdd: () => void;
  onCancel: () => void;
  cancelKey: string;
}) {
  const t = useT();
  return (
    <form className="mt-3 flex flex-wrap items-end gap-2" onSubmit={(e) => (e.preventDefault(), onAdd())}>
      <label className="text-sm">
        {t("tree.newHeading")}
        <input autoFocus value={heading} onChange={(e) => onHeading(e.target.value)}
          className="ml-2 rounded border border-stone-300 px-2 py-1" aria-label={t("tree.newHeading")} />
      </label>
      <button type="submit" disabled={pending} className="rounded bg-red-800 px-3 py-1 text-sm text-white">{t("tree.add")}</button>
      <button type="button" className="text-sm underline" onClick={onCancel} key={cancelKey}>{t("cancel")}</button>
    </form>
  );
}
