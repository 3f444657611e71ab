"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { addCommentAction, resolveCommentAction } from "@/app/actions/workflow";
import { anchorFromSelection, type Anchor } from "@/lib/core/text/comment-anchor";
import type { AddCommentInput, CommentView } from "@/lib/comments/service";
import { chinaDateTime } from "@/lib/core/dates";
import { useT } from "@/components/i18n/I18nProvider";

interface Props {
  sectionId: string;
  content: string;
  comments: CommentView[];
  canComment: boolean;
}

/** Comment threads: on a passage (anchored by its words) or the whole section, replies under each. */
export function CommentsPanel({ sectionId, content, comments, canComment }: Props) {
  const t = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [body, setBody] = useState("");
  const [anchor, setAnchor] = useState<Anchor | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const [reply, setReply] = useState("");
  const takeSelection = () => {
    const selected = window.getSelection()?.toString() ?? "";
    const a = anchorFromSelection(content, selected.replace(/\r?\n+/g, "\n"));
    setError(a ? null : t("comments.selectFirst"));
    setAnchor(a);
  };
  const post = (input: AddCommentInput, done: () => void) =>
    start(async () => {
      const r = await addCommentAction(input);
      if (!r.ok) return setError(r.error);
      done();
      setError(null);
      router.refresh();
    });
  const submit = () => post({ sectionId, body, anchor }, () => { setBody(""); setAnchor(null); });
  const open = comments.filter((c) => !c.resolved);
  return (
    <section aria-label={t("comments.region")} className="rounded-lg bg-white p-4 shadow-sm">
      <h2 className="text-sm font-semibold">{t("comments.title", { count: open.length })}</h2>
      <ol className="mt-2 space-y-2">
        {comments.map((c) => (
          <CommentThread key={c.id} comment={c} pending={pending} canReply={canComment}
            reply={replyTo === c.id ? reply : null} onReply={setReply}
            onStartReply={() => { setReplyTo(c.id); setReply(""); }} onCancelReply={() => setReplyTo(null)}
            onPostReply={() => post({ sectionId, body: reply, parentId: c.id }, () => { setReply(""); setReplyTo(null); })}
            onResolve={() => start(async () => {
              const r = await resolveCommentAction({ commentId: c.id, resolved: !c.resolved });
              if (!r.ok) setError(r.error);
              router.refresh();
            })} />
        ))}
      </ol>
      {error ? <p role="status" className="mt-2 text-sm text-red-700">{error}</p> : null}
      {canComment ? <NewCommentForm body={body} onBody={setBody} anchor={anchor} onWholeSection={() => setAnchor(null)} onTakeSelection={takeSelection} pending={pending} onSubmit={submit} /> : null}
    </section>
  );
}

/** One thread: the passage it is on, the comment, who and when, 标为已解决/重新打开 and 回复, the replies, the reply being written. */
function CommentThread({ comment: c, pending, canReply, reply, onReply, onStartReply, onCancelReply, onPostReply, onResolve }: {
  comment: CommentView;
  pending: boolean;
  canReply: boolean;
  /** the reply being written to this thread, or null */
  reply: string | null;
  onReply: (text: string) => void;
  onStartReply: () => void;
  onCancelReply: () => void;
  onPostReply: () => void;
  onResolve: () => void;
}) {
  const t = useT();
  return (
    <li className={`rounded border p-2 text-sm ${c.resolved ? "border-stone-200 text-stone-500" : "border-amber-300 bg-amber-50"}`}>
      {c.quote ? (
        <p className="text-xs">
          {c.detached ? t("comments.detached") : t("comments.paragraph", { n: (c.located?.paragraph ?? 0) + 1 })}
          <mark className="doc-text bg-amber-200">{c.quote}</mark>
        </p>
      ) : null}
      <p className="mt-1 whitespace-pre-wrap">{c.body}</p>
      <p className="mt-1 flex gap-3 text-xs text-stone-500">
        <span>{c.authorName}</span>
        <time dateTime={c.createdAt}>{chinaDateTime(c.createdAt)}</time>
        {c.canResolve ? (
          <button type="button" className="underline" disabled={pending} onClick={onResolve}>
            {c.resolved ? t("comments.reopen") : t("comments.resolve")}
          </button>
        ) : null}
        {canReply && reply === null ? (
          <button type="button" className="underline" onClick={onStartReply}>{t("comments.reply")}</button>
        ) : null}
      </p>
      {c.replies.length ? (
        <ol aria-label={t("comments.replies")} className="mt-2 space-y-1 border-l-2 border-stone-300 pl-3">
          {c.replies.map((r) => (
            <li key={r.id}>
              <p className="whitespace-pre-wrap">{r.body}</p>
              <p className="text-xs text-stone-500"><span>{r.authorName}</span> <time dateTime={r.createdAt}>{chinaDateTime(r.createdAt)}</time></p>
            </li>
          ))}
        </ol>
      ) : null}
      {reply !== null ? (
        <form className="mt-2 space-y-1" onSubmit={(e) => { e.preventDefault(); onPostReply(); }}>
          <label className="block text-xs" htmlFor={`reply-${c.id}`}>{t("comments.replyBody")}</label>
          <textarea id={`reply-${c.id}`} value={reply} onChange={(e) => onReply(e.target.value)} rows={2} className="w-full rounded border border-stone-300 px-2 py-1 text-sm" />
          <div className="flex gap-2">
            <button type="submit" disabled={pending || !reply.trim()} className="rounded bg-red-800 px-3 py-1 text-xs text-white">{t("comments.postReply")}</button>
            <button type="button" className="text-xs underline" onClick={onCancelReply}>{t("cancel")}</button>
          </div>
        </form>
      ) : null}
    </li>
  );
}

/** A new comment: on the selected passage (评论所选文字) or on the whole section. */
function NewCommentForm({ body, onBody, anchor, onWholeSection, onTakeSelection, pending, onSubmit }: {
  body: string;
  onBody: (text: string) => void;
  anchor: Anchor | null;
  onWholeSection: () => void;
  onTakeSelection: () => void;
  pending: boolean;
  onSubmit: () => void;
}) {
  const t = useT();
  return (
    <form className="mt-3 space-y-2" onSubmit={(e) => { e.preventDefault(); onSubmit(); }}>
      {anchor ? (
        <p className="text-xs">{t("comments.selected")}<mark className="bg-amber-200">{anchor.quote}</mark>{" "}
          <button type="button" className="underline" onClick={onWholeSection}>{t("comments.wholeSection")}</button></p>
      ) : null}
      <label className="block text-sm" htmlFor="comment-body">{t("comments.write")}</label>
      <textarea id="comment-body" value={body} onChange={(e) => onBody(e.target.value)} rows={3}
        className="w-full rounded border border-stone-300 px-2 py-1 text-sm" />
      <div className="flex gap-2">
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={onTakeSelection} className="rounded border border-stone-400 px-3 py-1 text-sm">
          {t("comments.select")}
        </button>
        <button type="submit" disabled={pending || !body.trim()} className="rounded bg-red-800 px-3 py-1 text-sm text-white">{t("comments.post")}</button>
      </div>
    </form>
  );
}
